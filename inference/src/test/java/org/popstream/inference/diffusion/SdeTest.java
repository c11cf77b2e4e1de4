package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * σ(t) of each SDE is the marginal standard deviation of its own forward process, so the variance
 * equation of a linear SDE, dσ²/dt = 2 a(t) σ² + g²(t), must hold. This checks the sub-VP diffusion
 * (upstream's fixed formula; no golden file covers sub-VP) against upstream's sub-VP σ(t).
 */
class SdeTest {

    @Test
    void sigmaSquaredFollowsTheVarianceEquation() {
        List<Sde> sdes = List.of(
                new Sde.VariancePreserving(0.1, 20, 1, 1e-3),
                new Sde.SubVariancePreserving(0.1, 20, 1, 1e-5),
                new Sde.VarianceExploding(0.01, 10, 1, 1e-5));
        for (Sde sde : sdes) {
            for (double t : new double[] {0.01, 0.1, 0.3, 0.7, 0.95}) {
                double h = 1e-6;
                double dVariance = (sq(sde.sigma(t + h)) - sq(sde.sigma(t - h))) / (2 * h);
                double expected = 2 * sde.driftCoefficient(t) * sq(sde.sigma(t)) + sde.diffusionSquared(t);
                assertEquals(expected, dVariance, 1e-6 * Math.max(1, Math.abs(expected)), sde.describe() + " at t=" + t);
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
