package org.popstream.inference.posterior;

import org.popstream.inference.prior.ParameterSpace;
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
 * Model fluxes of many parameter vectors at unit formed mass (log10 M_formed = 0), through the TF
 * emulator graph in chunks. Flux is proportional to M_formed, so any mass follows by scaling.
 * Used for the fitter's prior bank and for the bank-based photo-z and calibration fits.
 */
public final class TemplateEmulator implements AutoCloseable {
    /** Rows per session run unless told otherwise. */
    public static final int DEFAULT_CHUNK = 4096;

    private final int bands;
    private final int chunk;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> flux;

    public TemplateEmulator(PhotometryModel model, int threads) {
        this(model, threads, DEFAULT_CHUNK);
    }

    /** @param chunk rows per session run: float32 products round per chunk, so results depend on it */
    public TemplateEmulator(PhotometryModel model, int threads, int chunk) {
        this.bands = model.bands().size();
        this.chunk = chunk;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        this.input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, ParameterSpace.DIMENSION)));
        this.flux = model.fluxNanomaggies(tf, input);
        this.session = SessionFactory.open(graph, threads);
    }

    /** [n][bands] nanomaggies for log10 M_formed = 0; the mass column of {@code points} is ignored. */
    public double[][] unitMassFluxes(double[][] points) {
        double[][] templates = new double[points.length][bands];
        for (int start = 0; start < points.length; start += chunk) {
            int n = Math.min(chunk, points.length - start);
            float[] in = new float[n * ParameterSpace.DIMENSION];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < ParameterSpace.DIMENSION; d++) {
                    in[i * ParameterSpace.DIMENSION + d] = d == ParameterSpace.LOG10_MASS ? 0f : (float) points[start + i][d];
                }
            }
            try (var t = FlatTensors.of(in, n, ParameterSpace.DIMENSION);
                 Result r = session.runner().feed(input, t).fetch(flux).run()) {
                float[] out = FlatTensors.read(r.get(0));
                for (int i = 0; i < n; i++) {
                    for (int b = 0; b < bands; b++) {
                        templates[start + i][b] = out[i * bands + b];
                    }
                }
            }
        }
        return templates;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
