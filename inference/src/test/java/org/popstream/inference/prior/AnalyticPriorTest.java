package org.popstream.inference.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.popstream.inference.tensor.GraphRunner;

class AnalyticPriorTest {

    private final AnalyticPrior prior = new AnalyticPrior(new AnalyticPriorSettings(4.0, 8.0, 12.0));

    @Test
    void tensorFlowLogDensityMatchesJavaInsideAndIsMinusInfinityOutside() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 200;
        float[] points = new float[n * 16];
        for (int i = 0; i < n; i++) {
            double[] x = prior.sample(random);
            if (i % 10 == 0) {
                x[i % 16] = prior.bounds().upper(i % 16) + 0.01; // push one coordinate out
            }
            for (int d = 0; d < 16; d++) {
                points[i * 16 + d] = (float) x[d];
            }
        }
        float[] lp = GraphRunner.evaluate(points, new long[] {n, 16}, prior::logDensity);
        for (int i = 0; i < n; i++) {
            double[] x = new double[16];
            for (int d = 0; d < 16; d++) {
                x[d] = points[i * 16 + d];
            }
            double expected = prior.logDensity(x);
            if (i % 10 == 0) {
                assertEquals(Double.NEGATIVE_INFINITY, expected);
                assertEquals(Float.NEGATIVE_INFINITY, lp[i]);
            } else {
                assertEquals(expected, lp[i], 1e-4 * Math.max(1, Math.abs(expected)), "point " + i);
            }
        }
    }

    @Test
    void marginalsAreNormalisedAndTheirSamplesFollowThem() {
        Marginal[] marginals = {
            new UniformMarginal(-1, 0.4),
            new TruncatedStudentT2Marginal(0.3, -5, 5),
            new TruncatedNormalMarginal(0.3, 1, 0, 4),
            new TruncatedNormalMarginal(1, 0.3, 0, 2),
        };
        SplittableRandom random = new SplittableRandom(2);
        int n = 40000;
        for (Marginal m : marginals) {
            double lo = m.lower();
            double hi = m.upper();
            int steps = 200000;
            double total = 0;
            double belowCut = 0;
            double cut = lo + 0.4 * (hi - lo);
            for (int k = 0; k < steps; k++) {
                double x = lo + (k + 0.5) * (hi - lo) / steps;
                double p = Math.exp(m.logDensity(x)) * (hi - lo) / steps;
                total += p;
                belowCut += x < cut ? p : 0;
            }
            assertEquals(1.0, total, 1e-6, "normalisation of " + m.describe());
            int count = 0;
            for (int i = 0; i < n; i++) {
                double x = m.sample(random);
                assertTrue(x >= lo && x <= hi);
                count += x < cut ? 1 : 0;
            }
            double se = Math.sqrt(belowCut * (1 - belowCut) / n);
            assertEquals(belowCut, count / (double) n, 5 * se, "sampling of " + m.describe());
        }
    }

    @Test
    void priorSamplesStayInsideTheConfiguredRanges() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 5000; i++) {
            double[] x = prior.sample(random);
            assertTrue(x[15] >= 0 && x[15] <= 4.0);
            assertTrue(x[0] >= 8.0 && x[0] <= 12.0);
            assertTrue(Double.isFinite(prior.logDensity(x)));
        }
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new AnalyticPriorSettings(7, 7, 13));
        assertThrows(IllegalArgumentException.class, () -> new AnalyticPriorSettings(6, 13, 7));
        assertEquals(3.0, new AnalyticPrior(AnalyticPriorSettings.DEFAULT.withZMax(3)).bounds().upper(15));
    }
}
