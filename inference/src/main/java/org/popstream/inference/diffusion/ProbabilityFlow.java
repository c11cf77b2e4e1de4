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
 * <p>The exact divergence uses forward-mode differentiation written out as plain ops: the d tangent
 * vectors ∂h/∂z_i travel through the network together as a (batch, d, width) tensor, which costs
 * about d forward passes (the same as d vector–Jacobian products) but needs no gradient machinery, and
 * only the diagonal of the last layer's Jacobian is formed. The Hutchinson estimate {@code vᵀ (∂f̃/∂z) v}
 * pushes one tangent per row instead.
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
        ScoreNetwork net = model.network();
        int d = net.dimensions();
        int nc = net.conditionals();
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        time = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        state = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));
        condition = nc > 0 ? tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, nc))) : null;
        linearCoefficient = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        networkCoefficient = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
        probe = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));

        // ((t·W)·2)·π, in upstream's order of operations
        Operand<TFloat64> phase = tf.math.mul(tf.math.mul(
                tf.math.mul(tf.expandDims(time, tf.constant(1)), tf.constant(new double[][] {net.timeFrequencies()})),
                tf.constant(2.0)), tf.constant(net.pi()));
        List<Operand<TFloat64>> inputs = new ArrayList<>(List.of(tf.math.sin(phase), tf.math.cos(phase), state));
        if (condition != null) {
            inputs.add(condition);
        }
        Operand<TFloat64> x = tf.concat(inputs, tf.constant(1));

        List<DenseLayer> layers = net.layers();
        DenseLayer first = layers.get(0);
        double[][] firstStateColumns = new double[d][first.outputs()];
        for (int i = 0; i < d; i++) {
            for (int o = 0; o < first.outputs(); o++) {
                firstStateColumns[i][o] = first.weight(o, net.stateOffset() + i);
            }
        }
        Operand<TFloat64> tangents = null; // (batch, d, width): ∂(layer input)/∂z_i for every i
        Operand<TFloat64> probeTangent = null; // (batch, width): ∂(layer input)/∂z · v
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            Operand<TFloat64> pre = tf.math.add(tf.linalg.matMul(x, tf.constant(transposed(layer))),
                    tf.constant(layer.bias()));
            boolean last = l == layers.size() - 1;
            if (last) {
                x = pre;
                break;
            }
            Operand<TFloat64> activated;
            Operand<TFloat64> slope;
            switch (net.activation()) {
                case TANH -> {
                    activated = tf.math.tanh(pre);
                    slope = tf.math.sub(tf.constant(1.0), tf.math.square(activated));
                }
                case SILU -> {
                    Operand<TFloat64> sig = tf.math.sigmoid(pre);
                    activated = tf.math.mul(pre, sig);
                    slope = tf.math.mul(sig, tf.math.add(tf.constant(1.0),
                            tf.math.mul(pre, tf.math.sub(tf.constant(1.0), sig))));
                }
                default -> throw new IllegalStateException("unhandled activation " + net.activation());
            }
            Operand<TFloat64> slope3 = tf.expandDims(slope, tf.constant(1));
            if (l == 0) {
                tangents = tf.math.mul(tf.constant(new double[][][] {firstStateColumns}), slope3);
                probeTangent = tf.math.mul(tf.linalg.matMul(probe, tf.constant(firstStateColumns)), slope);
            } else {
                Operand<TFloat64> flat = tf.reshape(tangents, tf.constant(new long[] {-1, layer.inputs()}));
                Operand<TFloat64> next = tf.linalg.matMul(flat, tf.constant(transposed(layer)));
                tangents = tf.math.mul(tf.reshape(next, tf.constant(new long[] {-1, d, layer.outputs()})), slope3);
                probeTangent = tf.math.mul(tf.linalg.matMul(probeTangent, tf.constant(transposed(layer))), slope);
            }
            x = activated;
        }
        DenseLayer lastLayer = layers.get(layers.size() - 1);
        networkOutput = x;
        // tr(J) = Σ_i Σ_h T[b,i,h] W_L[i,h]: only the diagonal of the last layer's Jacobian is needed.
        Operand<TFloat64> networkTrace = tf.reduceSum(
                tf.math.mul(tangents, tf.constant(new double[][][] {lastLayer.weightRows()})),
                tf.constant(new int[] {1, 2}));
        Operand<TFloat64> probeJvp = tf.linalg.matMul(probeTangent, tf.constant(transposed(lastLayer)));
        Operand<TFloat64> networkEstimate = tf.reduceSum(tf.math.mul(probe, probeJvp), tf.constant(1));
        Operand<TFloat64> probeNorm = tf.reduceSum(tf.math.square(probe), tf.constant(1));

        drift = tf.math.add(
                tf.math.mul(tf.expandDims(linearCoefficient, tf.constant(1)), state),
                tf.math.mul(tf.expandDims(networkCoefficient, tf.constant(1)), networkOutput));
        exactDivergence = tf.math.add(tf.math.mul(linearCoefficient, tf.constant((double) d)),
                tf.math.mul(networkCoefficient, networkTrace));
        estimatedDivergence = tf.math.add(tf.math.mul(linearCoefficient, probeNorm),
                tf.math.mul(networkCoefficient, networkEstimate));
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

    /** The layer's weight as (inputs × outputs), so the graph computes {@code x W} without a transpose op. */
    private static double[][] transposed(DenseLayer layer) {
        double[][] wt = new double[layer.inputs()][layer.outputs()];
        for (int o = 0; o < layer.outputs(); o++) {
            for (int i = 0; i < layer.inputs(); i++) {
                wt[i][o] = layer.weight(o, i);
            }
        }
        return wt;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
