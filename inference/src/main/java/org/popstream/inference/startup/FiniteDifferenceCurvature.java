package org.popstream.inference.startup;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.prior.Bounds;

/**
 * −∇² log p at each galaxy's point of one start, by central differences of the log-posterior
 * gradient, in two passes: the first with steps of 10⁻³ of the prior range, the second with steps of
 * ~0.2 posterior σ taken from the first, so it resolves posteriors far narrower than the prior.
 * Near a wall the stencil is one-sided so both of its points stay inside the bounds.
 */
final class FiniteDifferenceCurvature {

    private final Bounds bounds;

    FiniteDifferenceCurvature(Bounds bounds) {
        this.bounds = bounds;
    }

    /** Curvature per galaxy at row {@code start} of {@code centres}. */
    List<Curvature> at(PosteriorGradient gradient, StackedPoints centres, int start) {
        int galaxies = centres.galaxies();
        int dim = centres.dim();
        double[][] steps = new double[galaxies][dim]; // [galaxy][parameter]
        for (double[] galaxySteps : steps) {
            for (int d = 0; d < dim; d++) {
                galaxySteps[d] = 1e-3 * bounds.width(d);
            }
        }
        List<Curvature> curvature = null;
        for (int pass = 0; pass < 2; pass++) {
            curvature = centralDifferences(gradient, centres, start, steps);
            for (int i = 0; i < galaxies; i++) {
                for (int d = 0; d < dim; d++) {
                    double c = curvature.get(i).precision()[d][d];
                    double sigma = c > 0 ? 1 / Math.sqrt(c) : LaplaceComponent.MAX_SIGMA_FRACTION * bounds.width(d);
                    steps[i][d] = Math.min(0.05 * bounds.width(d), Math.max(1e-6 * bounds.width(d), 0.2 * sigma));
                }
            }
        }
        return curvature;
    }

    /** One pass: a stencil of 2·D points per galaxy (row 2k: +step in dimension k, row 2k+1: −step), one gradient call. */
    private List<Curvature> centralDifferences(PosteriorGradient gradient, StackedPoints centres, int start, double[][] steps) {
        int galaxies = centres.galaxies();
        int dim = centres.dim();
        StackedPoints stencil = StackedPoints.zeros(2 * dim, galaxies, dim);
        for (int k = 0; k < dim; k++) {
            for (int i = 0; i < galaxies; i++) {
                double c = centres.get(start, i, k);
                stencil.copyPoint(centres, start, i, plus(k));
                stencil.set(plus(k), i, k, Math.min(bounds.upper(k), c + steps[i][k]));
                stencil.copyPoint(centres, start, i, minus(k));
                stencil.set(minus(k), i, k, Math.max(bounds.lower(k), c - steps[i][k]));
            }
        }
        StackedPoints grad = gradient.at(stencil).gradient();
        List<Curvature> curvature = new ArrayList<>(galaxies);
        for (int i = 0; i < galaxies; i++) {
            double[][] h = new double[dim][dim];
            for (int k = 0; k < dim; k++) {
                // the span the float32 stencil really has, not the step asked for
                double span = stencil.get(plus(k), i, k) - (double) stencil.get(minus(k), i, k);
                for (int d = 0; d < dim; d++) {
                    double up = grad.get(plus(k), i, d);
                    double down = grad.get(minus(k), i, d);
                    h[d][k] = span > 0 ? -(up - down) / span : 0;
                }
            }
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < a; b++) {
                    double s = 0.5 * (h[a][b] + h[b][a]);
                    h[a][b] = s;
                    h[b][a] = s;
                }
            }
            curvature.add(new Curvature(h));
        }
        return curvature;
    }

    private static int plus(int k) {
        return 2 * k;
    }

    private static int minus(int k) {
        return 2 * k + 1;
    }
}
