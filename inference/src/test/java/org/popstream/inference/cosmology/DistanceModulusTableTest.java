package org.popstream.inference.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DistanceModulusTableTest {

    private static final FlatLambdaCdm PLANCK18 = FlatLambdaCdm.planck18();
    private static DistanceModulusTable table;
    private static double[] z;
    private static double[] exact;

    @BeforeAll
    static void setUp() {
        table = DistanceModulusTable.planck18();
        SplittableRandom random = new SplittableRandom(7);
        z = new double[400];
        exact = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            // log-uniform over (1e-4, 7): dense where distmod curves most; float32-representable for the TF test
            z[i] = (float) Math.exp(Math.log(1e-4) + random.nextDouble() * (Math.log(7) - Math.log(1e-4)));
            exact[i] = PLANCK18.distanceModulus(z[i]);
        }
    }

    @Test
    void interpolationStaysWithin1e5MagOfTheIntegral() {
        for (int i = 0; i < z.length; i++) {
            assertEquals(exact[i], table.distanceModulus(z[i]), 1e-5, "z=" + z[i]);
        }
    }

    @Test
    void tensorFlowFloat32VersionAgrees() {
        float[] zf = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            zf[i] = (float) z[i];
        }
        float[] out = new float[z.length];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var zIn = tf.constant(Shape.of(z.length), DataBuffers.of(zf));
            var mu = table.distanceModulus(tf, zIn);
            try (Result result = s.runner().fetch(mu).run()) {
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(out, false, false));
            }
        }
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            worst = Math.max(worst, Math.abs(out[i] - exact[i]));
        }
        // float32 carries ~7 digits of a ~40 mag number: a few 1e-6 mag
        assertTrue(worst < 2e-5, "worst float32 error " + worst);
    }
}
