package org.popstream.inference.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutocorrelationTimeTest {

    /** AR(1) x_t = φ x_{t−1} + ε_t has τ = (1 + φ)/(1 − φ). */
    @Test
    void recoversTheIntegratedTimeOfAnAutoregressiveProcess() {
        for (double phi : new double[] {0.0, 0.5, 0.9}) {
            SplittableRandom random = new SplittableRandom(17);
            double[] x = new double[200_000];
            for (int t = 1; t < x.length; t++) {
                x[t] = phi * x[t - 1] + random.nextGaussian();
            }
            double expected = (1 + phi) / (1 - phi);
            assertEquals(expected, AutocorrelationTime.integrated(x), 0.08 * expected, "phi = " + phi);
        }
    }

    @Test
    void autocorrelationStartsAtOneAndMatchesDirectSum() {
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[300];
        for (int t = 1; t < x.length; t++) {
            x[t] = 0.7 * x[t - 1] + random.nextGaussian();
        }
        double[] rho = AutocorrelationTime.autocorrelation(x);
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double c0 = 0;
        double c5 = 0;
        for (int t = 0; t < x.length; t++) {
            c0 += (x[t] - mean) * (x[t] - mean);
            if (t + 5 < x.length) {
                c5 += (x[t] - mean) * (x[t + 5] - mean);
            }
        }
        assertEquals(1.0, rho[0], 1e-12);
        assertEquals(c5 / c0, rho[5], 1e-10);
    }
}
