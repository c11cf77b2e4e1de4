package org.popstream.inference.emulator;

import java.util.ArrayList;
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
 * evaluated together: the per-band weights are stacked into [bands, in, out] tensors so each layer
 * is one {@code BatchMatMul} over all bands instead of one small product per band.
 *
 * <p>The "alsing20" activation {@code x = h·(β + (1 − β)·sigmoid(α·h))} would cost five elementwise
 * passes over the [bands, n, 128] activations, which dominate the run time once the products are
 * batched. It is rewritten exactly (in double, before rounding the weights to float32) as
 * <pre>
 *   u = α·h                      α folded into the columns of W and into b
 *   y = u·(γ + sigmoid(u))       γ = β / (1 − β)
 *   x = c·y                      c = (1 − β) / α folded into the rows of the next W
 * </pre>
 * leaving three passes (sigmoid, add, multiply) once the bias add is also gone: a constant carrier
 * column rides along every layer (a ones column appended to the inputs, then one extra unit per
 * hidden layer with zero weights and a fixed pre-activation), and the biases sit in the weight row
 * that multiplies it. Traced per op (8192 galaxies × 26 bands): the two Adds per layer took 22 % of
 * the run, the products 45 %; the carrier costs one column more in each product, the bias add is gone.
 * The input normalisation is folded into the first layer and the last c into the magnitude scale. The files' α never vanish and β stay
 * below 1 (checked at construction), so the rewrite is well defined; it changes float32 rounding
 * only (golden tests: within 2e-3 mag of torch float32).
 *
 * <p>Meant to be embedded: {@link #absMagPerMass(Ops, Operand)} adds the ops to the caller's own
 * graph (e.g. inside a sampler's log-posterior). Each call adds a fresh copy of the weights as
 * constants, so call it once per graph and reuse the returned operand. {@link #absMagPerMass(Ops, List)}
 * builds independent branches over several inputs that share one copy of the weights, which lets a
 * session run the branches on separate cores (see {@link TfPhotometryEmulator}).
 */
public final class PhotulatorGraph {

    private static final int H = PhotulatorWeights.HIDDEN;
    private static final int LAYERS = PhotulatorWeights.LAYERS;
    /** Pre-activation of the carrier unit; its activation, not 1, is what the next layer sees. */
    private static final double CARRIER_INPUT = 1.0;

    private final List<Band> bands;
    /** Per layer: stacked folded weights [nb][in][out] flattened, biases [nb][out], γ [nb][out]. */
    private final double[][] weight = new double[LAYERS][];
    private final double[][] bias = new double[LAYERS][];
    private final double[][] gamma = new double[LAYERS][];
    private final double[] outputScale;
    private final double[] outputShift;

    public PhotulatorGraph(List<PhotulatorWeights> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no bands to emulate");
        }
        this.bands = weights.stream().map(PhotulatorWeights::band).toList();
        int nb = weights.size();
        for (int l = 0; l < LAYERS; l++) {
            int in = l == 0 ? EmulatorInputs.COUNT : H;
            int out = l == LAYERS - 1 ? 1 : H;
            weight[l] = new double[nb * in * out];
            bias[l] = new double[nb * out];
            gamma[l] = new double[nb * out];
        }
        outputScale = new double[nb];
        outputShift = new double[nb];
        for (int b = 0; b < nb; b++) {
            fold(weights.get(b), b);
        }
    }

    /** Folds normalisation, α and c = (1 − β)/α of band b into the stacked arrays. */
    private void fold(PhotulatorWeights w, int b) {
        // x_norm = x / scale - shift / scale: the raw inputs enter layer 0 through rowScale and inputOffset
        double[] inputOffset = new double[EmulatorInputs.COUNT];
        double[] rowScale = new double[EmulatorInputs.COUNT];
        for (int i = 0; i < rowScale.length; i++) {
            rowScale[i] = 1.0 / w.parameterScale()[i];
            inputOffset[i] = -w.parameterShift()[i] / w.parameterScale()[i];
        }
        for (int l = 0; l < LAYERS; l++) {
            PhotulatorWeights.Layer layer = w.layers().get(l);
            int in = layer.inputs();
            int out = layer.outputs();
            double[] c = new double[out];
            for (int j = 0; j < out; j++) {
                double alpha = layer.alpha()[j];
                double beta = layer.beta()[j];
                if (alpha == 0.0 || !(beta < 1.0)) {
                    throw new IllegalArgumentException(w.band() + " layer " + l + " unit " + j + ": alpha " + alpha
                            + ", beta " + beta + " cannot be folded (needs alpha != 0, beta < 1)");
                }
                double h0 = layer.bias()[j];
                for (int i = 0; i < in; i++) {
                    double wij = layer.weight()[i][j];
                    weight[l][(b * in + i) * out + j] = rowScale[i] * wij * alpha;
                    if (l == 0) {
                        h0 += inputOffset[i] * wij;
                    }
                }
                bias[l][b * out + j] = h0 * alpha;
                gamma[l][b * out + j] = beta / (1.0 - beta);
                c[j] = (1.0 - beta) / alpha;
            }
            rowScale = c; // the next layer's inputs are x = c·y
        }
        outputScale[b] = rowScale[0] * w.magnitudeScale();
        outputShift[b] = w.magnitudeShift();
    }

    /** The bands of the output columns, in order. */
    public List<Band> bands() {
        return bands;
    }

    /**
     * Adds the emulators to {@code tf}'s graph.
     *
     * @param inputs [n, 15] float32 emulator inputs ({@link EmulatorInputs} order, sqrt(dust2) column)
     * @return [n, bands] AB magnitude per unit formed mass, distance modulus removed
     */
    public Operand<TFloat32> absMagPerMass(Ops tf, Operand<TFloat32> inputs) {
        return absMagPerMass(tf, List.of(inputs)).get(0);
    }

    /**
     * Adds one branch per input to {@code tf}'s graph, all reading the same weight constants; no op of
     * one branch depends on another, so an executor with several inter-op threads runs them in parallel.
     *
     * @param inputs [n_k, 15] float32 emulator inputs each
     * @return per input, [n_k, bands] AB magnitude per unit formed mass, distance modulus removed
     */
    public List<Operand<TFloat32>> absMagPerMass(Ops tf, List<? extends Operand<TFloat32>> inputs) {
        int nb = bands.size();
        Ops scope = tf.withSubScope("photulator");
        List<Operand<TFloat32>> xs = new ArrayList<>();
        for (Operand<TFloat32> in : inputs) {
            // the carrier column (see class comment): the products add the biases themselves
            // 0·x + 1 rather than OnesLike, which has no C++ gradient (the MAP search differentiates this graph)
            Operand<TFloat32> ones = scope.math.add(scope.math.mul(scope.slice(in, scope.constant(new int[] {0, 0}),
                    scope.constant(new int[] {-1, 1})), scope.constant(0f)), scope.constant(1f));
            xs.add(scope.expandDims(scope.concat(List.of(in, ones), scope.constant(1)), scope.constant(0)));
        }
        double carrier = 1;
        for (int l = 0; l < LAYERS; l++) {
            int in = l == 0 ? EmulatorInputs.COUNT : H;
            int out = l == LAYERS - 1 ? 1 : H;
            boolean hidden = l < LAYERS - 1;
            int outA = hidden ? out + 1 : out;
            double[] w = new double[nb * (in + 1) * outA];
            double[] g = new double[nb * outA];
            for (int b = 0; b < nb; b++) {
                for (int i = 0; i < in; i++) {
                    for (int j = 0; j < out; j++) {
                        w[(b * (in + 1) + i) * outA + j] = weight[l][(b * in + i) * out + j];
                    }
                }
                for (int j = 0; j < out; j++) {
                    w[(b * (in + 1) + in) * outA + j] = bias[l][b * out + j] / carrier;
                    g[b * outA + j] = gamma[l][b * out + j];
                }
                if (hidden) {
                    w[(b * (in + 1) + in) * outA + out] = CARRIER_INPUT / carrier;
                }
            }
            Operand<TFloat32> wc = constant(scope, w, nb, in + 1, outA);
            Operand<TFloat32> gc = constant(scope, g, nb, 1, outA);
            for (int k = 0; k < xs.size(); k++) {
                Operand<TFloat32> u = scope.train.batchMatMul(xs.get(k), wc, TFloat32.class);
                xs.set(k, scope.math.mul(u, scope.math.add(scope.math.sigmoid(u), gc)));
            }
            carrier = CARRIER_INPUT / (1 + Math.exp(-CARRIER_INPUT)); // γ = 0 for the carrier unit
        }
        // [nb, n, 1] -> [nb, n] -> magnitudes -> [n, nb]
        Operand<TFloat32> scale = constant(scope, outputScale, nb, 1);
        Operand<TFloat32> shift = constant(scope, outputShift, nb, 1);
        List<Operand<TFloat32>> outs = new ArrayList<>();
        for (Operand<TFloat32> x : xs) {
            Operand<TFloat32> y = scope.reshape(x, scope.constant(new long[] {nb, -1}));
            Operand<TFloat32> magnitudes = scope.math.add(scope.math.mul(y, scale), shift);
            outs.add(scope.linalg.transpose(magnitudes, scope.constant(new int[] {1, 0})));
        }
        return outs;
    }

    private static Operand<TFloat32> constant(Ops tf, double[] values, long... shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return tf.constant(Shape.of(shape), DataBuffers.of(f));
    }
}
