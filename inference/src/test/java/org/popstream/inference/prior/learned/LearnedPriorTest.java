package org.popstream.inference.prior.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.Bounds;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The VP test model as the population prior, in the sampler's parameters (log10 M_formed first). */
class LearnedPriorTest {

    private static final Path VP = SharedPaths.shared().resolve("models/test-diffusion/population_vp.pt");
    private static final Bounds BOX = new AnalyticPrior().bounds();
    private static LearnedPrior prior;
    private static PopulationCoordinates coordinates;

    @BeforeAll
    static void load() {
        coordinates = new PopulationCoordinates(DistanceModulusTable.planck18(), BOX, BoundedParameterMapping.PROBIT);
        prior = LearnedPrior.load(VP, BOX, LearnedPriorSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        prior.close();
    }

    /** Golden rows whose θ falls inside the box: the prior is the model's raw density + the log-Jacobian there. */
    @Test
    void doublePathIsTheGoldenDensityPlusTheMassJacobian() {
        GoldenCsv golden = GoldenCsv.read("test_diffusion_vp_logprob.csv");
        List<double[]> thetas = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int r = 0; r < golden.rows(); r++) {
            double[] x = golden.values(r, columns("x"));
            double[] theta = coordinates.fromModel(x);
            if (!withinProbitRange(x)) {
                continue; // the box edge: Φ(u) rounds to 0 or 1 beyond |u| ≈ 8
            }
            // Φ(u) loses digits in the tails (u ≈ −6 gives p ≈ 1e-9), hence 1e-6 rather than rounding
            assertArrayEquals(x, coordinates.toModel(theta), 1e-6, "round trip row " + r);
            if (BOX.contains(theta)) {
                thetas.add(theta);
                expected.add(golden.value(r, "logp_x") + coordinates.logJacobian(theta, x));
            }
        }
        assertTrue(thetas.size() >= 3, "only " + thetas.size() + " golden rows inside the box");
        double[] logp = prior.logDensities(thetas.toArray(double[][]::new));
        for (int i = 0; i < logp.length; i++) {
            // rtol = atol = 1e-8: measured ≤ 5.3e-6 on this model
            assertEquals(expected.get(i), logp[i], 5e-5, "point " + i);
        }
    }

    @Test
    void graphPathAgreesWithTheDoublePathAndIsMinusInfinityOutsideTheBox() {
        double[][] thetas = prior.sampleBank(6, new SplittableRandom(7));
        for (double[] theta : thetas) {
            for (int j = 0; j < 16; j++) {
                // the graph sees float32 θ; deep in a probit tail that rounding alone moves log p by ~1e-2
                theta[j] = (float) theta[j];
            }
        }
        double[][] points = new double[thetas.length + 1][];
        System.arraycopy(thetas, 0, points, 0, thetas.length);
        points[thetas.length] = thetas[0].clone();
        points[thetas.length][15] = 6.5; // z beyond the box
        double[] reference = prior.logDensities(points);
        assertEquals(Double.NEGATIVE_INFINITY, reference[thetas.length]);
        double[] onEdge = thetas[1].clone();
        onEdge[2] = 5.0; // logsfr_ratio1 on its upper bound: u = +∞ in probit coordinates
        assertEquals(Double.NEGATIVE_INFINITY, prior.logDensity(onEdge));

        float[] flat = new float[points.length * 16];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < 16; j++) {
                flat[i * 16 + j] = (float) points[i][j];
            }
        }
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            // the sampler's layout: [walkers, galaxies, D]
            Operand<TFloat32> theta = tf.constant(Shape.of(1, points.length, 16), DataBuffers.of(flat));
            Operand<TFloat32> logp = prior.logDensity(tf, theta);
            float[] out = new float[points.length];
            try (var result = session.runner().fetch(logp).run()) {
                assertArrayEquals(new long[] {1, points.length}, result.get(0).shape().asArray());
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(out, false, false));
            }
            for (int i = 0; i < thetas.length; i++) {
                // 128 RK4 steps: ≤ 3.2e-3 on the golden rows, ≤ 4.5e-4 on 128 prior draws (bench prior)
                assertEquals(reference[i], out[i], 5e-3, "point " + i);
            }
            assertEquals(Float.NEGATIVE_INFINITY, out[thetas.length]);
        }
    }

    /**
     * TensorFlow's C++ gradient builder aborts the JVM on the ODE's while loop; the prior must let a
     * posterior's gradient be built (the MAP search does) and contribute nothing to it.
     */
    @Test
    void gradientsThroughAGraphWithThePriorCanBeBuiltAndIgnoreIt() {
        double[][] thetas = prior.sampleBank(2, new SplittableRandom(3));
        try (Graph graph = new Graph(); Session session = new Session(graph);
                TFloat32 input = TFloat32.tensorOf(Shape.of(1, 2, 16))) {
            Ops tf = Ops.create(graph);
            var theta = tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(-1, 2, 16)));
            Operand<TFloat32> logp = prior.logDensity(tf, theta);
            prior.logDensity(tf, theta); // a second copy in the same graph, as the sampler's unrolled steps add
            Operand<TFloat32> y = tf.reduceSum(tf.math.add(logp, tf.reduceSum(tf.math.square(theta), tf.constant(-1))),
                    tf.constant(new int[] {0, 1}));
            Operand<TFloat32> gradient = tf.gradients(y, List.of(theta)).<TFloat32>dy(0);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 16; j++) {
                    input.setFloat((float) thetas[i][j], 0, i, j);
                }
            }
            try (var result = session.runner().feed(theta, input).fetch(gradient).fetch(logp).run()) {
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 16; j++) {
                        assertEquals(2 * input.getFloat(0, i, j), ((TFloat32) result.get(0)).getFloat(0, i, j), 0f);
                    }
                    assertTrue(Float.isFinite(((TFloat32) result.get(1)).getFloat(0, i)), "prior value of point " + i);
                }
            }
        }
    }

    @Test
    void samplesAreInsideTheBoxAndReproducibleFromTheSeed() {
        double[][] a = prior.sampleBank(8, new SplittableRandom(11));
        double[][] b = prior.sampleBank(8, new SplittableRandom(11));
        for (int i = 0; i < a.length; i++) {
            assertTrue(BOX.contains(a[i]), "draw " + i + " outside the box");
            assertArrayEquals(a[i], b[i], 0.0);
            assertTrue(Double.isFinite(prior.logDensity(a[i])), "draw " + i);
        }
    }

    @Test
    void aConditionalModelIsRefusedAsAPopulationPrior() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearnedPrior.load(SharedPaths.models().resolve("noiseModel.pt"), BOX, LearnedPriorSettings.DEFAULT));
        assertTrue(e.getMessage().contains("must be unconditional"), e.getMessage());
    }

    private static boolean withinProbitRange(double[] x) {
        for (int j = 1; j < x.length; j++) {
            if (Math.abs(x[j]) > 6.5) {
                return false;
            }
        }
        return true;
    }

    private static List<String> columns(String prefix) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
