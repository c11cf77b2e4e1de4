package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.prior.Bounds;

class FiniteDifferenceCurvatureTest {

    private static final Bounds BOX = new Bounds(new double[] {0, -5, 2}, new double[] {10, 5, 4});

    /** Two galaxies with different, correlated precisions, so a mixed-up galaxy or axis shows. */
    private static final double[][][] PRECISION = {
            {{40, 12, 0}, {12, 25, -30}, {0, -30, 900}},
            {{4, -1, 2}, {-1, 9, 0}, {2, 0, 2500}},
    };

    @Test
    void recoversTheHessianOfAQuadraticForEveryGalaxy() {
        double[][] mean = {{5, 0.5, 3}, {2, -1, 2.5}};
        QuadraticPosterior quadratic = new QuadraticPosterior(mean, PRECISION);
        StackedPoints centres = StackedPoints.zeros(2, 2, 3);
        centres.setPoint(1, 0, mean[0]); // start 1 sits on each galaxy's mode, start 0 away from it
        centres.setPoint(1, 1, mean[1]);
        centres.setPoint(0, 0, new double[] {6, 0, 3.1});
        centres.setPoint(0, 1, new double[] {1, 1, 3});

        for (int start = 0; start < 2; start++) {
            List<Curvature> curvature = new FiniteDifferenceCurvature(BOX).at(quadratic, centres, start);
            assertEquals(2, curvature.size());
            for (int i = 0; i < 2; i++) {
                assertMatrixClose(PRECISION[i], curvature.get(i).precision(), "start " + start + ", galaxy " + i);
            }
        }
        assertEquals(2 * 2, quadratic.calls(), "one gradient call per pass and start");
    }

    @Test
    void staysInsideTheBoundsAtAWallAndStillRecoversTheHessian() {
        double[][] mean = {{10, 0, 2}, {0, 5, 4}};
        QuadraticPosterior quadratic = new QuadraticPosterior(mean, PRECISION);
        StackedPoints centres = StackedPoints.zeros(1, 2, 3);
        centres.setPoint(0, 0, mean[0]); // on the upper wall in x, the lower one in z
        centres.setPoint(0, 1, mean[1]);
        PosteriorGradient insideOnly = points -> {
            for (int row = 0; row < points.rows(); row++) {
                for (int i = 0; i < points.galaxies(); i++) {
                    double[] x = points.point(row, i);
                    if (!BOX.contains(x)) {
                        throw new AssertionError("stencil point outside the bounds: " + java.util.Arrays.toString(x));
                    }
                }
            }
            return quadratic.at(points);
        };
        List<Curvature> curvature = new FiniteDifferenceCurvature(BOX).at(insideOnly, centres, 0);
        for (int i = 0; i < 2; i++) {
            assertMatrixClose(PRECISION[i], curvature.get(i).precision(), "galaxy " + i);
        }
    }

    private static void assertMatrixClose(double[][] expected, double[][] actual, String where) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int a = 0; a < expected.length; a++) {
            for (int b = 0; b < expected.length; b++) {
                // float32 stencil and gradients: a few parts in 10⁵ of the largest entry
                assertEquals(expected[a][b], actual[a][b], 1e-4 * scale, where + " [" + a + "][" + b + "]");
            }
        }
    }
}
