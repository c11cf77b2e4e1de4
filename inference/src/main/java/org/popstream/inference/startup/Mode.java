package org.popstream.inference.startup;

import org.popstream.inference.prior.Bounds;

/**
 * Where one start's MAP search ended for one galaxy: the point, its log posterior and the curvature
 * there. Several starts may end on the same mode; {@link LaplaceMixture} merges them.
 */
record Mode(double[] centre, double logPosterior, Curvature curvature) {

    LaplaceComponent laplace(Bounds bounds) {
        return LaplaceComponent.of(centre, logPosterior, curvature, bounds);
    }
}
