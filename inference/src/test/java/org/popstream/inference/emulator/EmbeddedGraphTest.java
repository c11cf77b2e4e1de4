package org.popstream.inference.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.PhotulatorWeights;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The emulator and distance-modulus ops embedded in a caller's own graph, the way the sampler uses
 * them: apparent magnitude m = emulator(θ) + distmod(z) − 2.5 log10 M, all in TensorFlow.
 */
class EmbeddedGraphTest {

    @Test
    void apparentMagnitudesFromOneCallerGraphMatchTorchFloat32() {
        GoldenCsv golden = GoldenCsv.read("photulator_logM_examples.csv");
        List<Band> bands = CosmosBands.ALL;
        PhotulatorGraph emulator = new PhotulatorGraph(
                PhotulatorWeights.read(new ModelDirectory(SharedPaths.models()), bands));
        DistanceModulusTable distmod = DistanceModulusTable.planck18();
        int n = golden.rows();
        float[] theta = new float[n * EmulatorInputs.COUNT];
        float[] log10M = new float[n];
        for (int r = 0; r < n; r++) {
            double[] v = golden.values(r, EmulatorInputs.NAMES);
            for (int i = 0; i < v.length; i++) {
                theta[r * EmulatorInputs.COUNT + i] = (float) v[i];
            }
            log10M[r] = (float) golden.value(r, "log10M_formed");
        }
        float[] magnitudes = new float[n * bands.size()];
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> inputs = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 15)));
            Placeholder<TFloat32> mass = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
            Operand<TFloat32> z = tf.slice(inputs, tf.constant(new int[] {0, EmulatorInputs.Z}), tf.constant(new int[] {-1, 1}));
            Operand<TFloat32> normalisation = tf.math.sub(distmod.distanceModulus(tf, z), tf.math.mul(tf.constant(2.5f), mass));
            Operand<TFloat32> apparent = tf.math.add(emulator.absMagPerMass(tf, inputs), normalisation);
            try (TFloat32 in = TFloat32.tensorOf(Shape.of(n, 15), DataBuffers.of(theta));
                    TFloat32 m = TFloat32.tensorOf(Shape.of(n, 1), DataBuffers.of(log10M));
                    Result result = session.runner().feed(inputs, in).feed(mass, m).fetch(apparent).run()) {
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(magnitudes, false, false));
            }
        }
        for (int r = 0; r < n; r++) {
            Band band = CosmosBands.byName(golden.text(r, "band"));
            assertEquals(golden.value(r, "apparent_mag_f32"), magnitudes[r * bands.size() + band.index()], 2e-3, "row " + r);
        }
    }
}
