package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.testing.GoldenCsv;

/** The TensorFlow graph of the noise model's score network, drift and divergence. */
class ProbabilityFlowTest {

    private static final int D = 26;
    private static ProbabilityFlow flow;
    private static GoldenCsv golden;

    @BeforeAll
    static void load() {
        flow = new ProbabilityFlow(DiffusionModelLoader.load(GoldenModels.noiseModel()).model());
        golden = GoldenCsv.read("noise_score_mlp.csv");
    }

    @AfterAll
    static void close() {
        flow.close();
    }

    @Test
    void networkMatchesTheFloat64TorchForward() {
        int[] rows = GoldenModels.allRows(golden);
        double[] out = flow.network(times(rows), flat(rows, "x"), flat(rows, "cond"));
        for (int r : rows) {
            for (int j = 0; j < D; j++) {
                double expected = golden.value(r, "score_f64_" + j);
                assertEquals(expected, out[r * D + j], 1e-12 * Math.max(1, Math.abs(expected)), "score " + j + " row " + r);
            }
        }
    }

    /**
     * The golden drift is torch float32 (network good to ~1e-5 relative); it is a difference of the
     * linear term a(t)·z and the network term k(t)·s, so its error scales with their magnitudes.
     */
    @Test
    void driftMatchesTheTorchDrift() {
        int[] rows = GoldenModels.allRows(golden);
        double[] t = times(rows);
        double[] z = flat(rows, "x");
        double[] drift = new double[rows.length * D];
        flow.drift(t, z, flat(rows, "cond"), drift);
        DiffusionModel model = flow.model();
        for (int r : rows) {
            double a = model.sde().driftCoefficient(t[r]);
            double k = model.networkCoefficient(t[r]);
            for (int j = 0; j < D; j++) {
                double linear = a * z[r * D + j];
                double network = k * golden.value(r, "score_f64_" + j);
                assertEquals(linear + network, drift[r * D + j], 1e-12 * (Math.abs(linear) + Math.abs(network) + 1),
                        "float64 drift " + j + " row " + r);
                assertEquals(golden.value(r, "drift" + j), drift[r * D + j], 2e-5 * (Math.abs(linear) + Math.abs(network) + 1),
                        "torch float32 drift " + j + " row " + r);
            }
        }
    }

    /** Exact trace against a central finite difference of the graph's own drift, column by column. */
    @Test
    void exactDivergenceMatchesFiniteDifferences() {
        int[] rows = {0, 1, 7, 40};
        double[] t = times(rows);
        double[] z = flat(rows, "x");
        double[] c = flat(rows, "cond");
        double[] drift = new double[rows.length * D];
        double[] divergence = new double[rows.length];
        flow.driftAndDivergence(t, z, c, null, drift, divergence);
        double step = 1e-5;
        double[] fd = new double[rows.length];
        for (int i = 0; i < D; i++) {
            double[] plus = z.clone();
            double[] minus = z.clone();
            for (int r = 0; r < rows.length; r++) {
                plus[r * D + i] += step;
                minus[r * D + i] -= step;
            }
            double[] fPlus = new double[z.length];
            double[] fMinus = new double[z.length];
            flow.drift(t, plus, c, fPlus);
            flow.drift(t, minus, c, fMinus);
            for (int r = 0; r < rows.length; r++) {
                fd[r] += (fPlus[r * D + i] - fMinus[r * D + i]) / (2 * step);
            }
        }
        for (int r = 0; r < rows.length; r++) {
            assertEquals(fd[r], divergence[r], 1e-6 * Math.max(1, Math.abs(fd[r])), "row " + rows[r]);
        }
    }

    /** The Hutchinson path with the unit vectors as probes sums to the exact trace: Σ_i e_iᵀ J e_i = tr J. */
    @Test
    void probePathSummedOverUnitVectorsIsTheExactTrace() {
        int[] rows = {2, 3};
        double[] t = times(rows);
        double[] z = flat(rows, "x");
        double[] c = flat(rows, "cond");
        double[] exact = new double[rows.length];
        double[] drift = new double[z.length];
        flow.driftAndDivergence(t, z, c, null, drift, exact);
        double[] summed = new double[rows.length];
        for (int i = 0; i < D; i++) {
            double[] probe = new double[z.length];
            for (int r = 0; r < rows.length; r++) {
                probe[r * D + i] = 1;
            }
            double[] estimate = new double[rows.length];
            flow.driftAndDivergence(t, z, c, probe, drift, estimate);
            for (int r = 0; r < rows.length; r++) {
                summed[r] += estimate[r];
            }
        }
        // the linear drift part contributes a(t)·|v|² = a(t) per unit probe, so the sum includes a(t)·d once
        for (int r = 0; r < rows.length; r++) {
            assertEquals(exact[r], summed[r], 1e-10 * Math.max(1, Math.abs(exact[r])), "row " + rows[r]);
        }
    }

    private static double[] times(int[] rows) {
        double[] t = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = golden.value(rows[i], "t");
        }
        return t;
    }

    private static double[] flat(int[] rows, String prefix) {
        double[][] table = GoldenModels.table(golden, rows, prefix, D);
        double[] out = new double[rows.length * D];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(table[i], 0, out, i * D, D);
        }
        return out;
    }
}
