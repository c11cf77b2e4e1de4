package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.popstream.testing.GoldenCsv;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * The in-graph fixed-grid log-density converges to the golden references as the grid is refined.
 * RK4 is 4th order, so doubling the steps should cut the error by ~16 once resolved; measured on the
 * VP test model (worst over 32 rows): 64 steps 3.8e-2, 128 steps 3.2e-3.
 */
class FixedGridLogDensityOpsTest {

    @Test
    void vpModelConvergesToTheGoldenLogDensity() {
        GoldenCsv golden = GoldenCsv.read("test_diffusion_vp_logprob.csv");
        DiffusionModel model = DiffusionModelLoader.load(GoldenModels.testModel("vp")).model();
        double[][] x = GoldenModels.table(golden, GoldenModels.allRows(golden), "x", 16);
        double coarse = worstError(model, x, golden, FixedGrid.forSde(model.sde(), 64));
        double fine = worstError(model, x, golden, FixedGrid.forSde(model.sde(), 128));
        assertTrue(fine < coarse / 4, "no convergence: 64 steps " + coarse + ", 128 steps " + fine);
        assertTrue(fine < 1e-2, "128 steps: worst error " + fine);
    }

    @Test
    void veModelOnItsUniformGrid() {
        GoldenCsv golden = GoldenCsv.read("test_diffusion_ve_logprob.csv");
        DiffusionModel model = DiffusionModelLoader.load(GoldenModels.testModel("ve")).model();
        double[][] x = GoldenModels.table(golden, GoldenModels.allRows(golden), "x", 16);
        assertEquals(0, worstError(model, x, golden, FixedGrid.forSde(model.sde(), 128)), 1e-3);
    }

    private static double worstError(DiffusionModel model, double[][] x, GoldenCsv golden, FixedGrid grid) {
        int rows = x.length;
        double[] flat = new double[rows * 16];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[r], 0, flat, r * 16, 16);
        }
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat64> input = tf.constant(org.tensorflow.ndarray.Shape.of(rows, 16), DataBuffers.of(flat));
            Operand<TFloat64> logp = FixedGridLogDensityOps.logDensity(graph, tf, model, grid, input, null);
            double[] out = new double[rows];
            try (var result = session.runner().fetch(logp).run()) {
                ((TFloat64) result.get(0)).copyTo(DataBuffers.of(out, false, false));
            }
            double worst = 0;
            for (int r = 0; r < rows; r++) {
                worst = Math.max(worst, Math.abs(out[r] - golden.value(r, "logp_x")));
            }
            return worst;
        }
    }
}
