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
    /**
     * Per layer, in the carrier layout the graph uses: stacked folded weights [nb][in + 1][out'] flattened
     * (row in: the biases and the carrier's own weight), γ [nb][out'] (0 for the carrier unit); out' is
     * out + 1 for a hidden layer (the carrier unit), out for the last.
     */
    private final double[][] weight = new double[LAYERS][];
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
            weight[l] = new double[nb * (inputs(l) + 1) * carriedOutputs(l)];
            gamma[l] = new double[nb * carriedOutputs(l)];
        }
        outputScale = new double[nb];
        outputShift = new double[nb];
        for (int b = 0; b < nb; b++) {
            fold(weights.get(b), b);
        }
    }

    private static int inputs(int layer) {
        return layer == 0 ? EmulatorInputs.COUNT : H;
    }

    private static int outputs(int layer) {
        return layer == LAYERS - 1 ? 1 : H;
    }

    /** Outputs including the carrier unit, which every hidden layer has. */
    private static int carriedOutputs(int layer) {
        return layer == LAYERS - 1 ? 1 : H + 1;
    }

    /** What the carrier column holds at a layer's input: 1 for the first, the carrier unit's activation after. */
    private static double carrier(int layer) {
        return layer == 0 ? 1 : CARRIER_INPUT / (1 + Math.exp(-CARRIER_INPUT)); // γ = 0 for the carrier unit
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
            int in = inputs(l);
            int out = outputs(l);
            int outA = carriedOutputs(l);
            int carrierRow = (b * (in + 1) + in) * outA;
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
                    weight[l][(b * (in + 1) + i) * outA + j] = rowScale[i] * wij * alpha;
                    if (l == 0) {
                        h0 += inputOffset[i] * wij;
                    }
                }
                weight[l][carrierRow + j] = h0 * alpha / carrier(l); // the bias, carried by the carrier column
                gamma[l][b * outA + j] = beta / (1.0 - beta);
                c[j] = (1.0 - beta) / alpha;
            }
            if (outA > out) {
                weight[l][carrierRow + out] = CARRIER_INPUT / carrier(l);
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
        for (int l = 0; l < LAYERS; l++) {
            Operand<TFloat32> wc = constant(scope, weight[l], nb, inputs(l) + 1, carriedOutputs(l));
            Operand<TFloat32> gc = constant(scope, gamma[l], nb, 1, carriedOutputs(l));
            for (int k = 0; k < xs.size(); k++) {
                Operand<TFloat32> u = scope.train.batchMatMul(xs.get(k), wc, TFloat32.class);
                xs.set(k, scope.math.mul(u, scope.math.add(scope.math.sigmoid(u), gc)));
            }
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
