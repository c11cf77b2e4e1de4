package org.popstream.inference.emulator;

import java.util.List;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.PhotulatorWeights;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adds the photometry emulators of several bands to a TensorFlow graph as float32 ops, all bands
 * evaluated together: the per-band weights are stacked so that each layer is one (batched) matrix
 * product instead of one small product per band.
 *
 * <p>Layout: the first layer multiplies the [n, 15] inputs by all bands' first-layer weights at once
 * ([15, bands·128]); the input normalisation is folded into those weights (in double, then rounded)
 * so bands with different shifts still share the one product. The result is reshaped to
 * [bands, n, 128] and the hidden layers are {@code BatchMatMul}s with [bands, 128, 128] weights; the
 * last 128→1 layer is a multiply-and-sum. Output is [n, bands].
 *
 * <p>Meant to be embedded: call {@link #absMagPerMass(Ops, Operand)} with the caller's own {@code Ops}
 * (e.g. inside a sampler's log-posterior graph). Each call adds a fresh copy of the weights as
 * constants to that graph, so call it once per graph and reuse the returned operand.
 */
public final class PhotulatorGraph {

    private static final int H = PhotulatorWeights.HIDDEN;

    private final List<PhotulatorWeights> weights;

    public PhotulatorGraph(List<PhotulatorWeights> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no bands to emulate");
        }
        this.weights = List.copyOf(weights);
    }

    /** The bands of the output columns, in order. */
    public List<Band> bands() {
        return weights.stream().map(PhotulatorWeights::band).toList();
    }

    /**
     * Adds the emulators to {@code tf}'s graph.
     *
     * @param inputs [n, 15] float32 emulator inputs ({@link EmulatorInputs} order, sqrt(dust2) column)
     * @return [n, bands] AB magnitude per unit formed mass, distance modulus removed
     */
    public Operand<TFloat32> absMagPerMass(Ops tf, Operand<TFloat32> inputs) {
        int nb = weights.size();
        Ops scope = tf.withSubScope("photulator");

        // layer 0, all bands in one product: [n,15] x [15, nb*H]
        Operand<TFloat32> h = scope.math.add(
                scope.linalg.matMul(inputs, constant(scope, firstLayerWeight(), 15, (long) nb * H)),
                constant(scope, firstLayerBias(), (long) nb * H));
        Operand<TFloat32> x = activation(scope, h, layerVector(0, Part.ALPHA), layerVector(0, Part.BETA), nb * H);
        // [n, nb*H] -> [nb, n, H]
        x = scope.linalg.transpose(scope.reshape(x, scope.constant(new long[] {-1, nb, H})),
                scope.constant(new int[] {1, 0, 2}));

        for (int l = 1; l < PhotulatorWeights.LAYERS - 1; l++) {
            Operand<TFloat32> w = constant(scope, hiddenWeight(l), nb, H, H);
            h = scope.math.add(scope.train.batchMatMul(x, w, TFloat32.class),
                    constant(scope, layerVector(l, Part.BIAS), nb, 1, H));
            x = activation(scope, h, layerVector(l, Part.ALPHA), layerVector(l, Part.BETA), nb, 1, H);
        }

        // last layer 128 -> 1 as multiply-and-sum: [nb, n, H] * [nb, 1, H] summed over H -> [nb, n]
        int last = PhotulatorWeights.LAYERS - 1;
        Operand<TFloat32> wLast = constant(scope, lastWeight(), nb, 1, H);
        h = scope.math.add(scope.sum(scope.math.mul(x, wLast), scope.constant(2)),
                constant(scope, layerVector(last, Part.BIAS), nb, 1));
        x = activation(scope, h, layerVector(last, Part.ALPHA), layerVector(last, Part.BETA), nb, 1);
        Operand<TFloat32> out = scope.math.add(scope.math.mul(x, constant(scope, magnitudeScales(), nb, 1)),
                constant(scope, magnitudeShifts(), nb, 1));
        return scope.linalg.transpose(out, scope.constant(new int[] {1, 0}));
    }

    /** "alsing20" activation {@code (β + (1 − β)·sigmoid(α·h))·h}, parameters broadcast to {@code shape}. */
    private static Operand<TFloat32> activation(Ops tf, Operand<TFloat32> h, double[] alpha, double[] beta, long... shape) {
        double[] oneMinusBeta = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            oneMinusBeta[i] = 1.0 - beta[i];
        }
        Operand<TFloat32> gate = tf.math.add(constant(tf, beta, shape),
                tf.math.mul(constant(tf, oneMinusBeta, shape), tf.math.sigmoid(tf.math.mul(constant(tf, alpha, shape), h))));
        return tf.math.mul(gate, h);
    }

    private static Operand<TFloat32> constant(Ops tf, double[] values, long... shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return tf.constant(Shape.of(shape), DataBuffers.of(f));
    }

    private enum Part { BIAS, ALPHA, BETA }

    /** One layer's per-unit vector for all bands, concatenated band after band. */
    private double[] layerVector(int layer, Part part) {
        int width = weights.get(0).layers().get(layer).outputs();
        double[] out = new double[weights.size() * width];
        for (int b = 0; b < weights.size(); b++) {
            PhotulatorWeights.Layer l = weights.get(b).layers().get(layer);
            double[] v = switch (part) {
                case BIAS -> l.bias();
                case ALPHA -> l.alpha();
                case BETA -> l.beta();
            };
            System.arraycopy(v, 0, out, b * width, width);
        }
        return out;
    }

    /** [15, nb*H]: W0 / scale, row i scaled by 1/scale_i, so the raw inputs can be fed directly. */
    private double[] firstLayerWeight() {
        int nb = weights.size();
        double[] out = new double[EmulatorInputs.COUNT * nb * H];
        for (int b = 0; b < nb; b++) {
            PhotulatorWeights w = weights.get(b);
            double[][] w0 = w.layers().get(0).weight();
            for (int i = 0; i < EmulatorInputs.COUNT; i++) {
                for (int j = 0; j < H; j++) {
                    out[i * nb * H + b * H + j] = w0[i][j] / w.parameterScale()[i];
                }
            }
        }
        return out;
    }

    /** [nb*H]: b0 − (shift/scale)·W0, the folded normalisation offset. */
    private double[] firstLayerBias() {
        int nb = weights.size();
        double[] out = new double[nb * H];
        for (int b = 0; b < nb; b++) {
            PhotulatorWeights w = weights.get(b);
            PhotulatorWeights.Layer l0 = w.layers().get(0);
            for (int j = 0; j < H; j++) {
                double v = l0.bias()[j];
                for (int i = 0; i < EmulatorInputs.COUNT; i++) {
                    v -= w.parameterShift()[i] / w.parameterScale()[i] * l0.weight()[i][j];
                }
                out[b * H + j] = v;
            }
        }
        return out;
    }

    private double[] hiddenWeight(int layer) {
        double[] out = new double[weights.size() * H * H];
        for (int b = 0; b < weights.size(); b++) {
            double[][] w = weights.get(b).layers().get(layer).weight();
            for (int i = 0; i < H; i++) {
                System.arraycopy(w[i], 0, out, b * H * H + i * H, H);
            }
        }
        return out;
    }

    private double[] lastWeight() {
        double[] out = new double[weights.size() * H];
        for (int b = 0; b < weights.size(); b++) {
            double[][] w = weights.get(b).layers().get(PhotulatorWeights.LAYERS - 1).weight();
            for (int i = 0; i < H; i++) {
                out[b * H + i] = w[i][0];
            }
        }
        return out;
    }

    private double[] magnitudeScales() {
        return weights.stream().mapToDouble(PhotulatorWeights::magnitudeScale).toArray();
    }

    private double[] magnitudeShifts() {
        return weights.stream().mapToDouble(PhotulatorWeights::magnitudeShift).toArray();
    }
}
