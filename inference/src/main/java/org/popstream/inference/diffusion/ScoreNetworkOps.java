package org.popstream.inference.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Builds a {@link ScoreNetwork} into a float64 TensorFlow graph together with the exact trace of its
 * Jacobian with respect to z and, optionally, a Jacobian–vector product for Hutchinson's estimator.
 *
 * <p>The exact trace is forward-mode differentiation written out as plain ops: the d tangents ∂h/∂z_i
 * travel through the network together as a (batch, d, width) tensor (about d forward passes, the cost
 * of d vector–Jacobian products, but no gradient machinery), and only the diagonal of the last layer's
 * Jacobian is formed: tr J = Σ_i Σ_h T[b,i,h] W_L[i,h].
 */
public final class ScoreNetworkOps {

    /**
     * @param output           network output (batch, d)
     * @param trace            tr(∂output/∂z) (batch)
     * @param probeEstimate    vᵀ(∂output/∂z)v (batch), null without a probe
     * @param probeNormSquared |v|² (batch), null without a probe
     */
    public record Outputs(Operand<TFloat64> output, Operand<TFloat64> trace, Operand<TFloat64> probeEstimate,
            Operand<TFloat64> probeNormSquared) {}

    private final Ops tf;
    private final ScoreNetwork net;
    private final Operand<TFloat64> frequencies;
    private final Operand<TFloat64> firstStateColumns;
    private final List<Operand<TFloat64>> weights = new ArrayList<>();
    private final List<Operand<TFloat64>> biases = new ArrayList<>();
    private final Operand<TFloat64> lastWeightRows;

    /** Adds the network's weights to the graph once; {@link #apply} may then be called many times. */
    public ScoreNetworkOps(Ops tf, ScoreNetwork net) {
        this.tf = tf;
        this.net = net;
        int d = net.dimensions();
        frequencies = tf.constant(new double[][] {net.timeFrequencies()});
        DenseLayer first = net.layers().get(0);
        double[][] columns = new double[d][first.outputs()];
        for (int i = 0; i < d; i++) {
            for (int o = 0; o < first.outputs(); o++) {
                columns[i][o] = first.weight(o, net.stateOffset() + i);
            }
        }
        firstStateColumns = tf.constant(columns);
        for (DenseLayer layer : net.layers()) {
            weights.add(tf.constant(transposed(layer)));
            biases.add(tf.constant(layer.bias()));
        }
        lastWeightRows = tf.expandDims(tf.constant(net.layers().get(net.layers().size() - 1).weightRows()), tf.constant(0));
    }

    /** One-shot convenience: adds the weights and one application. */
    public static Outputs build(Ops tf, ScoreNetwork net, Operand<TFloat64> time, Operand<TFloat64> state,
            Operand<TFloat64> condition, Operand<TFloat64> probe) {
        return new ScoreNetworkOps(tf, net).apply(time, state, condition, probe);
    }

    /**
     * @param time      (batch) times
     * @param state     (batch, d) normalised z
     * @param condition (batch, n_c) normalised condition, or null for an unconditional network
     * @param probe     (batch, d) Hutchinson probe, or null
     */
    public Outputs apply(Operand<TFloat64> time, Operand<TFloat64> state, Operand<TFloat64> condition,
            Operand<TFloat64> probe) {
        int d = net.dimensions();
        // ((t·W)·2)·π, in upstream's order of operations
        Operand<TFloat64> phase = tf.math.mul(tf.math.mul(
                tf.math.mul(tf.expandDims(time, tf.constant(1)), frequencies),
                tf.constant(2.0)), tf.constant(net.pi()));
        List<Operand<TFloat64>> inputs = new ArrayList<>(List.of(tf.math.sin(phase), tf.math.cos(phase), state));
        if (condition != null) {
            inputs.add(condition);
        }
        Operand<TFloat64> x = tf.concat(inputs, tf.constant(1));

        List<DenseLayer> layers = net.layers();
        Operand<TFloat64> tangents = null; // (batch, d, width): ∂(layer output)/∂z_i for every i
        Operand<TFloat64> probeTangent = null; // (batch, width): ∂(layer output)/∂z · v
        for (int l = 0; l < layers.size() - 1; l++) {
            DenseLayer layer = layers.get(l);
            Operand<TFloat64> weight = weights.get(l);
            Operand<TFloat64> pre = tf.math.add(tf.linalg.matMul(x, weight), biases.get(l));
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
                tangents = tf.math.mul(tf.expandDims(firstStateColumns, tf.constant(0)), slope3);
                if (probe != null) {
                    probeTangent = tf.math.mul(tf.linalg.matMul(probe, firstStateColumns), slope);
                }
            } else {
                Operand<TFloat64> flat = tf.reshape(tangents, tf.constant(new long[] {-1, layer.inputs()}));
                tangents = tf.math.mul(
                        tf.reshape(tf.linalg.matMul(flat, weight), tf.constant(new long[] {-1, d, layer.outputs()})), slope3);
                if (probe != null) {
                    probeTangent = tf.math.mul(tf.linalg.matMul(probeTangent, weight), slope);
                }
            }
            x = activated;
        }
        int last = layers.size() - 1;
        Operand<TFloat64> output = tf.math.add(tf.linalg.matMul(x, weights.get(last)), biases.get(last));
        Operand<TFloat64> trace = tf.reduceSum(tf.math.mul(tangents, lastWeightRows), tf.constant(new int[] {1, 2}));
        if (probe == null) {
            return new Outputs(output, trace, null, null);
        }
        Operand<TFloat64> jvp = tf.linalg.matMul(probeTangent, weights.get(last));
        return new Outputs(output, trace, tf.reduceSum(tf.math.mul(probe, jvp), tf.constant(1)),
                tf.reduceSum(tf.math.square(probe), tf.constant(1)));
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
}
