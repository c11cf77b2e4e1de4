package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.popstream.inference.prior.Bounds;

class LaplaceComponentTest {

    private static final Bounds BOX = new Bounds(new double[] {0, 0}, new double[] {10, 2});

    @Test
    void covarianceIsTheInverseCurvatureWhereTheDataConstrainEveryDirection() {
        double[][] precision = {{50, 20}, {20, 400}};
        LaplaceComponent c = LaplaceComponent.of(new double[] {3, 1}, -7, new Curvature(precision), BOX);
        double det = 50 * 400 - 20 * 20;
        double[][] inverse = {{400 / det, -20 / det}, {-20 / det, 50 / det}};
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(inverse[a][b], c.covariance()[a][b], 1e-12 * inverse[0][0]);
            }
        }
        assertEquals(-7 + 0.5 * Math.log(1 / det), c.logWeight(), 1e-9);
        // one σ away along the first axis, in its own covariance: distance² 1
        assertEquals(1, c.mahalanobis2(new double[] {3 + Math.sqrt(inverse[0][0]), 1 + inverse[0][1] / Math.sqrt(inverse[0][0])}), 1e-9);
    }

    @Test
    void directionsWithoutCurvatureAreCappedAtAShareOfThePriorRange() {
        LaplaceComponent c = LaplaceComponent.of(new double[] {5, 1}, 0, Curvature.flat(2), BOX);
        double cap = LaplaceComponent.MAX_SIGMA_FRACTION;
        assertEquals(Math.pow(cap * 10, 2), c.covariance()[0][0], 1e-12);
        assertEquals(Math.pow(cap * 2, 2), c.covariance()[1][1], 1e-12);
        assertEquals(0, c.covariance()[0][1], 1e-12);
        // a negative curvature (saddle) is capped the same way
        LaplaceComponent saddle = LaplaceComponent.of(new double[] {5, 1}, 0, new Curvature(new double[][] {{-3, 0}, {0, 1e4}}), BOX);
        assertEquals(Math.pow(cap * 10, 2), saddle.covariance()[0][0], 1e-12);
        assertEquals(1e-4, saddle.covariance()[1][1], 1e-15);
    }
}
