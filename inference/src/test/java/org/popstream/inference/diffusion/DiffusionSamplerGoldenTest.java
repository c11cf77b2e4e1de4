package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.popstream.testing.GoldenCsv;

/**
 * ODE sampling (t = T → ε from base draws) against converged references (samples accurate to ~1e-10).
 * At rtol = atol = 1e-10 the sample error is far below the log-density error of the same setting; we
 * assert the same 5000·tol bound, in normalised units (the solver's own variable) and in raw units.
 */
class DiffusionSamplerGoldenTest {

    private static final double TOLERANCE = 1e-10;
    private static final double BOUND = 5000 * TOLERANCE;

    @Test
    void vpTestModelSamples() {
        checkPopulationModel("vp");
    }

    @Test
    void veTestModelSamplesScaleTheBaseBySigmaMax() {
        checkPopulationModel("ve");
    }

    private void checkPopulationModel(String sde) {
        GoldenCsv golden = GoldenCsv.read("test_diffusion_" + sde + "_samples.csv");
        LoadedDiffusionModel loaded = DiffusionModelLoader.load(GoldenModels.testModel(sde));
        int[] rows = GoldenModels.allRows(golden);
        try (ProbabilityFlow flow = new ProbabilityFlow(loaded.model())) {
            SampleResult result = new DiffusionSampler(flow, SolverSettings.of(TOLERANCE))
                    .fromBase(GoldenModels.table(golden, rows, "base", 16), null);
            double[] scale = loaded.model().scale();
            for (int r : rows) {
                assertNull(result.failures()[r], "row " + r);
                for (int j = 0; j < 16; j++) {
                    assertEquals(golden.value(r, "z" + j), result.normalised()[r][j], BOUND, sde + " z" + j + " row " + r);
                    assertEquals(golden.value(r, "x" + j), result.samples()[r][j], BOUND * Math.abs(scale[j]),
                            sde + " x" + j + " row " + r);
                }
            }
        }
    }

    /**
     * The noise model's ln σ given the asinh magnitudes: golden is DOP853 at 1e-10 (converged to ~3e-9),
     * so the bound is the larger of that and ours.
     */
    @Test
    void noiseModelLnSigmaFromBaseDraws() {
        GoldenCsv golden = GoldenCsv.read("noise_model_sigma_ode.csv");
        int[] rows = GoldenModels.allRows(golden);
        LoadedDiffusionModel loaded = DiffusionModelLoader.load(GoldenModels.noiseModel());
        try (ProbabilityFlow flow = new ProbabilityFlow(loaded.model())) {
            SampleResult result = new DiffusionSampler(flow, SolverSettings.of(TOLERANCE)).fromBase(
                    GoldenModels.table(golden, rows, "base", 26), GoldenModels.table(golden, rows, "asinh_mag", 26));
            double[] scale = loaded.model().scale();
            for (int r : rows) {
                assertNull(result.failures()[r], "row " + r);
                for (int j = 0; j < 26; j++) {
                    assertEquals(golden.value(r, "ln_sigma_maggies" + j), result.samples()[r][j],
                            Math.max(BOUND, 1e-8) * Math.abs(scale[j]), "ln sigma " + j + " row " + r);
                }
            }
        }
    }
}
