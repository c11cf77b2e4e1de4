package org.popstream.inference.emission;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The emission-line model as float32 TensorFlow ops, batched over rows (galaxies × walkers), to be
 * embedded in a caller's graph like {@code PhotulatorGraph}. Each call adds its own copy of the
 * weights as constants: build once per graph and reuse the operands.
 *
 * <p>Two rewrites of upstream's arithmetic, both exact in real numbers:
 * <ul>
 *   <li>everything after the last hidden layer is linear (output layer, PCA de-normalisation, PCA
 *       basis, log-spectrum de-normalisation), so it is folded in double into one 128 × K product,
 *       K = the 44 corrected lines (or all 128 for {@link #logSpectrum});</li>
 *   <li>the contributions are formed in log space, {@code c = exp(ln T + ln λ + ln 10·(9 − 0.4 N) + ln k
 *       − 0.4 ln 10·logspec)}, with ln T the log-sum-exp of the two bandpass components. A band far from
 *       a line then gives exp(−large) = 0 instead of 0·∞ = NaN when a line strength overflows float32, and
 *       the generalised-normal exponent |u|^β is capped at {@value #MAX_EXPONENT} (upstream's exp(−|u|^β)
 *       is 0 in float32 beyond 104), so neither value nor gradient (the MAP search differentiates this)
 *       can become NaN.</li>
 * </ul>
 * Both change float32 rounding only (golden tests).
 */
public final class EmissionLineGraph {

    /** Cap of the generalised-normal exponent |u|^β: far beyond where exp(−|u|^β) underflows. */
    static final double MAX_EXPONENT = 1e4;
    /** Floor of |u| before its logarithm: |u|^β is then below 1e-40 for every β ≥ 1.3 of the files, i.e. 0. */
    private static final float MIN_DISTANCE = 1e-30f;
    private static final double LN10 = Math.log(10);

    private final EmissionLineModel model;
    private final int bands;

    public EmissionLineGraph(EmissionLineModel model) {
        this.model = model;
        this.bands = model.bandpasses().size();
    }

    /**
     * @param inputs [n, 16] network inputs ({@link EmissionLineNetwork#INPUT_NAMES})
     * @return [n, 128] log spectrum (magnitudes per unit formed mass)
     */
    public Operand<TFloat32> logSpectrum(Ops tf, Operand<TFloat32> inputs) {
        int[] all = new int[EmissionLineNetwork.LINES];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        return logSpectrum(tf.withSubScope("emission_lines"), inputs, all);
    }

    /**
     * @param inputs [n, 16] network inputs; N and z also place and scale the lines
     * @return [n, bands, 44] flux contributions c_{b,l} in nanomaggies ({@link EmissionLineModel})
     */
    public Operand<TFloat32> contributions(Ops tf, Operand<TFloat32> inputs) {
        Ops s = tf.withSubScope("emission_lines");
        int lines = EmissionLines.COUNT;
        Operand<TFloat32> logSpectrum = logSpectrum(s, inputs, model.lineIndices()); // [n, 44]
        Operand<TInt32> axis1 = s.constant(1);
        Operand<TFloat32> n = s.gather(inputs, s.constant(new int[] {EmissionLineNetwork.NORMALISATION}), axis1);
        Operand<TFloat32> z = s.gather(inputs, s.constant(new int[] {EmissionLineNetwork.REDSHIFT}), axis1);
        float[] rest = new float[lines];
        for (int l = 0; l < lines; l++) {
            rest[l] = (float) EmissionLines.SELECTED.get(l).restWavelengthFloat32();
        }
        // [n, 44] observed wavelengths, as upstream: (1 + z)·λ_rest
        Operand<TFloat32> observed = s.math.mul(s.math.add(z, s.constant(1f)), constant(s, rest, 1, lines));
        Operand<TFloat32> logTransmission = logTransmission(s, observed); // [n, bands, 44]

        // everything but the bandpass: ln λ + ln 10·(9 − 0.4 N) + ln k − 0.4 ln 10·logspec, [n, 44]
        Operand<TFloat32> scale = s.math.add(
                s.math.mul(n, s.constant((float) (-0.4 * LN10))),
                s.constant((float) (9 * LN10 + Math.log(EmissionLineModel.FLUX_UNIT))));
        Operand<TFloat32> perLine = s.math.add(
                s.math.add(s.math.log(observed), scale),
                s.math.mul(logSpectrum, s.constant((float) (-0.4 * LN10))));
        return s.math.exp(s.math.add(logTransmission, s.expandDims(perLine, axis1)));
    }

    /**
     * Per-band weighted sums over lines, {@code Σ_l w_{k,l}·c_{b,l}}, for several weight vectors at once
     * (one product instead of one reduction each).
     *
     * @param inputs  [n, 16] network inputs
     * @param weights K weight vectors of 44 entries each
     * @return K operands [n, bands]
     */
    public List<Operand<TFloat32>> weightedSums(Ops tf, Operand<TFloat32> inputs, List<double[]> weights) {
        int lines = EmissionLines.COUNT;
        int k = weights.size();
        float[] w = new float[lines * k];
        for (int j = 0; j < k; j++) {
            if (weights.get(j).length != lines) {
                throw new IllegalArgumentException("weight vector " + j + " has " + weights.get(j).length
                        + " entries, expected " + lines);
            }
            for (int l = 0; l < lines; l++) {
                w[l * k + j] = (float) weights.get(j)[l];
            }
        }
        Ops s = tf.withSubScope("emission_lines");
        Operand<TFloat32> c = s.reshape(contributions(tf, inputs), s.constant(new int[] {-1, lines}));
        Operand<TFloat32> sums = s.reshape(s.linalg.matMul(c, constant(s, w, lines, k)),
                s.constant(new int[] {-1, bands, k}));
        return List.copyOf(s.unstack(sums, (long) k, org.tensorflow.op.core.Unstack.axis(2L)).output());
    }

    /** ln T_b(λ) for every band and every entry of {@code observed} [n, L]: [n, bands, L]. */
    private Operand<TFloat32> logTransmission(Ops s, Operand<TFloat32> observed) {
        int c = BandpassModel.COMPONENTS;
        float[] centre = new float[bands * c];
        float[] inverseWidth = new float[bands * c];
        float[] shape = new float[bands * c];
        float[] prefactor = new float[bands * c];
        for (int b = 0; b < bands; b++) {
            BandpassModel bp = model.bandpasses().get(b);
            for (int i = 0; i < c; i++) {
                centre[b * c + i] = (float) bp.centres()[i];
                inverseWidth[b * c + i] = (float) (1 / bp.widths()[i]);
                shape[b * c + i] = (float) bp.shapes()[i];
                prefactor[b * c + i] = (float) bp.logPrefactor(i);
            }
        }
        // [n, 1, L, 1] against [bands, 1, C]
        Operand<TFloat32> lambda = s.expandDims(s.expandDims(observed, s.constant(1)), s.constant(3));
        Operand<TFloat32> u = s.math.mul(s.math.abs(s.math.sub(lambda, constant(s, centre, bands, 1, c))),
                constant(s, inverseWidth, bands, 1, c));
        Operand<TFloat32> logU = s.math.log(s.math.maximum(u, s.constant(MIN_DISTANCE)));
        Operand<TFloat32> exponent = s.math.exp(s.math.minimum(s.math.mul(logU, constant(s, shape, bands, 1, c)),
                s.constant((float) Math.log(MAX_EXPONENT))));
        Operand<TFloat32> logComponent = s.math.sub(constant(s, prefactor, bands, 1, c), exponent); // [n, bands, L, C]
        // log-sum-exp over the components
        Operand<TInt32> last = s.constant(3);
        Operand<TFloat32> top = s.reduceMax(logComponent, last, org.tensorflow.op.core.ReduceMax.keepDims(true));
        Operand<TFloat32> sum = s.reduceSum(s.math.exp(s.math.sub(logComponent, top)), last);
        return s.math.add(s.squeeze(top, org.tensorflow.op.core.Squeeze.axis(List.of(3L))), s.math.log(sum));
    }

    /** The network up to the selected log-spectrum columns, [n, columns.length]. */
    private Operand<TFloat32> logSpectrum(Ops s, Operand<TFloat32> inputs, int[] columns) {
        EmissionLineNetwork net = model.network();
        int in = EmissionLineNetwork.INPUTS;
        float[] shift = new float[in];
        float[] inverseScale = new float[in];
        for (int i = 0; i < in; i++) {
            shift[i] = (float) net.parameterShift()[i];
            inverseScale[i] = (float) (1 / net.parameterScale()[i]);
        }
        Operand<TFloat32> x = s.math.mul(s.math.sub(inputs, constant(s, shift, 1, in)), constant(s, inverseScale, 1, in));
        for (EmissionLineNetwork.HiddenLayer layer : net.hidden()) {
            int out = layer.bias().length;
            Operand<TFloat32> h = s.math.add(s.linalg.matMul(x, constant(s, flatten(layer.weight()), layer.weight().length, out)),
                    constant(s, layer.bias(), 1, out));
            Operand<TFloat32> beta = constant(s, layer.beta(), 1, out);
            Operand<TFloat32> gate = s.math.sigmoid(s.math.mul(h, constant(s, layer.alpha(), 1, out)));
            x = s.math.mul(s.math.add(beta, s.math.mul(s.math.sub(s.constant(1f), beta), gate)), h);
        }
        double[][] folded = new double[EmissionLineNetwork.HIDDEN][columns.length];
        double[] bias = new double[columns.length];
        fold(net, columns, folded, bias);
        return s.math.add(s.linalg.matMul(x, constant(s, flatten(folded), EmissionLineNetwork.HIDDEN, columns.length)),
                constant(s, bias, 1, columns.length));
    }

    /**
     * logspec_j = ((x·W + b)·pcaScale + pcaShift)·P·lsScale + lsShift = x·W' + b' with
     * W' = W·diag(pcaScale)·P·diag(lsScale) and b' = ((b·pcaScale + pcaShift)·P)·lsScale + lsShift, in double.
     */
    private static void fold(EmissionLineNetwork net, int[] columns, double[][] weight, double[] bias) {
        int hidden = EmissionLineNetwork.HIDDEN;
        int pcs = EmissionLineNetwork.COMPONENTS;
        for (int c = 0; c < columns.length; c++) {
            int j = columns[c];
            double lsScale = net.logSpectrumScale()[j];
            double b = 0;
            for (int k = 0; k < pcs; k++) {
                double basis = net.pcaBasis()[k][j];
                b += (net.outputBias()[k] * net.pcaScale()[k] + net.pcaShift()[k]) * basis;
                double through = net.pcaScale()[k] * basis * lsScale;
                for (int i = 0; i < hidden; i++) {
                    weight[i][c] += net.outputWeight()[i][k] * through;
                }
            }
            bias[c] = b * lsScale + net.logSpectrumShift()[j];
        }
    }

    private static double[] flatten(double[][] m) {
        int cols = m[0].length;
        double[] out = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }

    private static Operand<TFloat32> constant(Ops tf, double[] values, long... shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return constant(tf, f, shape);
    }

    private static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(values));
    }
}
