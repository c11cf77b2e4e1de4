package org.popstream.inference.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * The probability-flow ODE right-hand side of a {@link DiffusionModel} as a float64 TensorFlow graph:
 * for a batch of rows, each at its own time, the drift {@code f̃ = a(t) z + k(t) MLP(t, z, c)} and its
 * divergence {@code tr ∂f̃/∂z}.
 *
 * <p>Exact divergence or Hutchinson estimate: see {@link ScoreNetworkOps}.
 *
 * <p>The per-row scalars {@code a(t)} and {@code k(t) = −½ g²(t)/σ(t)} come from {@link Sde} in Java;
 * the graph only holds the network. Owns a TensorFlow session: not thread-safe, close it.
 */
public final class ProbabilityFlow implements AutoCloseable {

    private final DiffusionModel model;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat64> time;
    private final Placeholder<TFloat64> state;
    private final Placeholder<TFloat64> condition;
    private final Placeholder<TFloat64> linearCoefficient;
    private final Placeholder<TFloat64> networkCoefficient;
    private final Placeholder<TFloat64> probe;
    private final Operand<TFloat64> drift;
    private final Operand<TFloat64> exactDivergence;
    private final Operand<TFloat64> estimatedDivergence;
    private final Operand<TFloat64> networkOutput;

    public ProbabilityFlow(DiffusionModel model) {
        this.model = model;
        int d = model.dimensions();
        int nc = model.conditionals();
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        time = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        state = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));
        condition = nc > 0 ? tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, nc))) : null;
        linearCoefficient = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        networkCoefficient = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        probe = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));

        ScoreNetworkOps.Outputs net = ScoreNetworkOps.build(tf, model.network(), time, state, condition, probe);
        networkOutput = net.output();
        drift = tf.math.add(
                tf.math.mul(tf.expandDims(linearCoefficient, tf.constant(1)), state),
                tf.math.mul(tf.expandDims(networkCoefficient, tf.constant(1)), networkOutput));
        exactDivergence = tf.math.add(tf.math.mul(linearCoefficient, tf.constant((double) d)),
                tf.math.mul(networkCoefficient, net.trace()));
        estimatedDivergence = tf.math.add(tf.math.mul(linearCoefficient, net.probeNormSquared()),
                tf.math.mul(networkCoefficient, net.probeEstimate()));
        this.session = new Session(graph);
    }

    public DiffusionModel model() {
        return model;
    }

    /** Raw network output (the MLP alone), for checking the network against reference values. */
    public double[] network(double[] t, double[] z, double[] c) {
        int rows = t.length;
        double[] out = new double[rows * model.dimensions()];
        run(t, z, c, null, networkOutput, out, null, null);
        return out;
    }

    /** Drift only (sampling). Arrays are row-major; {@code c} is ignored for an unconditional model. */
    public void drift(double[] t, double[] z, double[] c, double[] driftOut) {
        run(t, z, c, null, drift, driftOut, null, null);
    }

    /**
     * Drift and divergence. With {@code probe == null} the divergence is exact; otherwise it is the
     * Hutchinson estimate with that (rows × d) probe.
     */
    public void driftAndDivergence(double[] t, double[] z, double[] c, double[] probeVectors,
            double[] driftOut, double[] divergenceOut) {
        Operand<TFloat64> divergence = probeVectors == null ? exactDivergence : estimatedDivergence;
        run(t, z, c, probeVectors, drift, driftOut, divergence, divergenceOut);
    }

    private void run(double[] t, double[] z, double[] c, double[] probeVectors,
            Operand<TFloat64> first, double[] firstOut, Operand<TFloat64> second, double[] secondOut) {
        int rows = t.length;
        int d = model.dimensions();
        int nc = model.conditionals();
        double[] linear = new double[rows];
        double[] coefficient = new double[rows];
        for (int r = 0; r < rows; r++) {
            linear[r] = model.sde().driftCoefficient(t[r]);
            coefficient[r] = model.networkCoefficient(t[r]);
        }
        List<TFloat64> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner()
                    .feed(time, tensor(fed, Shape.of(rows), t))
                    .feed(state, tensor(fed, Shape.of(rows, d), z))
                    .feed(linearCoefficient, tensor(fed, Shape.of(rows), linear))
                    .feed(networkCoefficient, tensor(fed, Shape.of(rows), coefficient));
            if (nc > 0) {
                runner.feed(condition, tensor(fed, Shape.of(rows, nc), c));
            }
            if (probeVectors != null) {
                runner.feed(probe, tensor(fed, Shape.of(rows, d), probeVectors));
            }
            runner.fetch(first);
            if (second != null) {
                runner.fetch(second);
            }
            try (Result result = runner.run()) {
                ((TFloat64) result.get(0)).copyTo(DataBuffers.of(firstOut, false, false));
                if (second != null) {
                    ((TFloat64) result.get(1)).copyTo(DataBuffers.of(secondOut, false, false));
                }
            }
        } finally {
            fed.forEach(TFloat64::close);
        }
    }

    private static TFloat64 tensor(List<TFloat64> owned, Shape shape, double[] values) {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("expected " + shape.size() + " values for shape " + shape + ", got " + values.length);
        }
        TFloat64 tensor = TFloat64.tensorOf(shape, DataBuffers.of(values, true, false));
        owned.add(tensor);
        return tensor;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
