package org.popstream.inference.posterior;

import java.util.SplittableRandom;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;
import org.popstream.inference.tensor.FlatTensors;
import org.popstream.inference.tensor.SessionFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Prior draws with their model fluxes at unit formed mass (log10 M = 0). The bank depends on the
 * seed only, so every galaxy sees the same bank whatever its batch; it is emulated once per fitter.
 *
 * @param points    [n][16] prior draws (the log10 M column is replaced per galaxy when scoring)
 * @param templates [n][bands] flux in nanomaggies for log10 M_formed = 0
 */
public record PriorBank(double[][] points, double[][] templates) {

    private static final int CHUNK = 2048;

    public static PriorBank draw(Prior prior, PhotometryModel model, int size, long seed, int threads) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[][] points = new double[size][];
        for (int i = 0; i < size; i++) {
            points[i] = prior.sample(random);
        }
        int bands = model.bands().size();
        double[][] templates = new double[size][bands];
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, ParameterSpace.DIMENSION)));
            Operand<TFloat32> flux = model.fluxNanomaggies(tf, x);
            try (Session s = SessionFactory.open(g, threads)) {
                for (int start = 0; start < size; start += CHUNK) {
                    int n = Math.min(CHUNK, size - start);
                    float[] in = new float[n * ParameterSpace.DIMENSION];
                    for (int i = 0; i < n; i++) {
                        for (int d = 1; d < ParameterSpace.DIMENSION; d++) {
                            in[i * ParameterSpace.DIMENSION + d] = (float) points[start + i][d];
                        }
                    }
                    try (TFloat32 t = FlatTensors.of(in, n, ParameterSpace.DIMENSION);
                         Result r = s.runner().feed(x, t).fetch(flux).run()) {
                        float[] out = FlatTensors.read(r.get(0));
                        for (int i = 0; i < n; i++) {
                            for (int b = 0; b < bands; b++) {
                                templates[start + i][b] = out[i * bands + b];
                            }
                        }
                    }
                }
            }
        }
        return new PriorBank(points, templates);
    }

    public int size() {
        return points.length;
    }
}
