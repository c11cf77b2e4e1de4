package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.prior.Bounds;

class NewtonStepTest {

    private static final Bounds BOX = new Bounds(new double[] {0, 0}, new double[] {10, 10});
    /** A long correlated ridge (correlation 0.95), where per-coordinate steps crawl. */
    private static final double[][] RIDGE = {{100, -95}, {-95, 100}};

    @Test
    void oneStepWithTheExactCurvatureLandsOnTheMode() {
        double[] mode = {4, 6};
        QuadraticPosterior quadratic = new QuadraticPosterior(new double[][] {mode}, new double[][][] {RIDGE});
        double[] from = {4.3, 5.9};
        Optima current = optimaAt(quadratic, from);

        Optima next = new NewtonStep(BOX).apply(quadratic, current, List.of(List.of(new Curvature(RIDGE))));

        assertArrayEquals(mode, next.centres().point(0, 0), 1e-5);
        assertTrue(next.logPosterior().get(0, 0) > current.logPosterior().get(0, 0));
        assertArrayEquals(new double[] {4.3f, 5.9f}, current.centres().point(0, 0), 0, "the current optima are not changed");
    }

    @Test
    void keepsThePointWhenEveryDampedStepIsWorse() {
        double[] mode = {4, 6};
        QuadraticPosterior quadratic = new QuadraticPosterior(new double[][] {mode}, new double[][][] {RIDGE});
        Optima current = optimaAt(quadratic, new double[] {4.05, 6.05});
        // no curvature: the capped covariance (σ = 2 per axis) overshoots by far at every damping
        Optima next = new NewtonStep(BOX).apply(quadratic, current, List.of(List.of(Curvature.flat(2))));

        assertArrayEquals(current.centres().point(0, 0), next.centres().point(0, 0), 0);
        assertEquals(current.logPosterior().get(0, 0), next.logPosterior().get(0, 0));
    }

    private static Optima optimaAt(PosteriorGradient posterior, double[] point) {
        StackedPoints centres = StackedPoints.zeros(1, 1, point.length);
        centres.setPoint(0, 0, point);
        return new Optima(centres, posterior.at(centres).logPosterior());
    }
}
