package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hutchinson's estimator against the exact trace on the small 16-dimensional VP test network. */
class HutchinsonSpreadTest {

    private static final int SEEDS = 24;

    @Test
    void scattersAroundTheExactLogDensityWithoutBias() {
        LoadedDiffusionModel loaded = DiffusionModelLoader.load(GoldenModels.testModel("vp"));
        try (ProbabilityFlow flow = new ProbabilityFlow(loaded.model())) {
            double[][] points = new DiffusionSampler(flow, SolverSettings.ACCURATE).sample(5, 7L).samples();
            double[] exact = new DiffusionLogDensity(flow, SolverSettings.ACCURATE).logDensity(points).logDensity();

            HutchinsonSpread spread = HutchinsonSpread.measure(flow, SolverSettings.ACCURATE, points, exact, SEEDS);

            assertEquals(points.length, spread.standardDeviations().length);
            for (int i = 0; i < points.length; i++) {
                double std = spread.standardDeviations()[i];
                // one Rademacher probe of a 16 × 16 Jacobian's trace is not exact ...
                assertTrue(std > 0, "point " + i + ": no spread, so the probes were not used");
                // ... but unbiased: the mean of 24 estimates lies within 5 standard errors of the exact value
                double standardError = std / Math.sqrt(SEEDS);
                assertTrue(Math.abs(spread.meanErrors()[i]) < 5 * standardError,
                        "point " + i + ": mean error " + spread.meanErrors()[i] + ", standard error " + standardError);
            }
            assertTrue(spread.meanEvaluations() > 0);
            assertTrue(spread.maxStandardDeviation() >= spread.medianStandardDeviation());
        }
    }

    @Test
    void refusesMismatchedInputsAndASingleSeed() {
        LoadedDiffusionModel loaded = DiffusionModelLoader.load(GoldenModels.testModel("vp"));
        try (ProbabilityFlow flow = new ProbabilityFlow(loaded.model())) {
            double[][] points = new double[2][16];
            assertThrows(IllegalArgumentException.class,
                    () -> HutchinsonSpread.measure(flow, SolverSettings.ACCURATE, points, new double[3], SEEDS));
            assertThrows(IllegalArgumentException.class,
                    () -> HutchinsonSpread.measure(flow, SolverSettings.ACCURATE, points, new double[2], 1));
        }
    }
}
