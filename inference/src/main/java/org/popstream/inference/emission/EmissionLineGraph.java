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
 *   <li>the factors that do not depend on the band are formed as one exponential per line,
 *       {@code exp(ln λ + ln 10·(9 − 0.4 N) + ln k − 0.4 ln 10·logspec)}, capped at e^{@value #MAX_LOG_FACTOR}
 *       so that a band the line misses (T = 0) never meets an infinite factor (0·∞ = NaN); the
 *       generalised-normal exponent |u|^β is capped at {@value #MAX_EXPONENT} (exp(−|u|^β) is 0 in float32
 *       beyond 104 anyway) and |u| floored before its logarithm, so neither value nor gradient (the MAP
 *       search differentiates this graph) can become NaN.</li>
 * </ul>
 * Both change float32 rounding only (golden tests).
 */
public final class EmissionLineGraph {

    /** Cap of the generalised-normal exponent |u|^β: exp(−|u|^β) underflows to 0 in float32 beyond 104 anyway. */
    static final double MAX_EXPONENT = 200;
    /** Cap of ln(λ·10^(9−0.4N)·k·L): e^80 ≈ 5e34 nanomaggies, far beyond any real line, still finite in float32. */
    static final float MAX_LOG_FACTOR = 80f;
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
        return s.reshape(contributionColumns(s, inputs), s.constant(new int[] {-1, bands, lines}));
    }

    /**
     * c_{b,l} as [n, bands × 44], band-major columns (b·44 + l). Every elementwise op is then a
     * [n, columns] tensor against a [1, columns] constant: TF's fast broadcast, where the same ops on
     * [n, bands, 44, 2] with 4-d broadcasting ran some 50× slower (1.8 s vs 25 ms for the network, 4096 rows).
     */
    private Operand<TFloat32> contributionColumns(Ops s, Operand<TFloat32> inputs) {
        int lines = EmissionLines.COUNT;
        int columns = bands * lines;
        Operand<TFloat32> logSpectrum = logSpectrum(s, inputs, model.lineIndices()); // [n, 44]
        Operand<TInt32> axis1 = s.constant(1);
        Operand<TFloat32> n = s.gather(inputs, s.constant(new int[] {EmissionLineNetwork.NORMALISATION}), axis1);
        Operand<TFloat32> onePlusZ = s.math.add(
                s.gather(inputs, s.constant(new int[] {EmissionLineNetwork.REDSHIFT}), axis1), s.constant(1f));
        float[] rest = new float[lines];
        float[] restColumns = new float[columns];
        for (int l = 0; l < lines; l++) {
            rest[l] = (float) EmissionLines.SELECTED.get(l).restWavelengthFloat32();
            for (int b = 0; b < bands; b++) {
                restColumns[b * lines + l] = rest[l];
            }
        }
        // observed wavelengths as upstream rounds them: (1 + z)·λ_rest
        Operand<TFloat32> observed = s.math.mul(onePlusZ, constant(s, restColumns, 1, columns)); // [n, columns]
        Operand<TFloat32> transmission = null;
        for (int i = 0; i < BandpassModel.COMPONENTS; i++) {
            Operand<TFloat32> component = component(s, observed, i);
            transmission = transmission == null ? component : s.math.add(transmission, component);
        }
        // everything but the bandpass, per line: ln λ + ln 10·(9 − 0.4 N) + ln k − 0.4 ln 10·logspec, [n, 44]
        Operand<TFloat32> perLine = s.math.add(
                s.math.add(s.math.log(s.math.mul(onePlusZ, constant(s, rest, 1, lines))),
                        s.math.add(s.math.mul(n, s.constant((float) (-0.4 * LN10))),
                                s.constant((float) (9 * LN10 + Math.log(EmissionLineModel.FLUX_UNIT))))),
                s.math.mul(logSpectrum, s.constant((float) (-0.4 * LN10))));
        // capped so that a band a line misses (T = 0) never meets an infinite factor (0·∞ = NaN)
        Operand<TFloat32> factor = s.math.exp(s.math.minimum(perLine, s.constant(MAX_LOG_FACTOR)));
        return s.math.mul(transmission, s.tile(factor, s.constant(new int[] {1, bands})));
    }

    /** Component i of every band's bandpass at the column wavelengths: amp·β/(2σΓ(1/β))·exp(−|u|^β), [n, columns]. */
    private Operand<TFloat32> component(Ops s, Operand<TFloat32> observed, int i) {
        int lines = EmissionLines.COUNT;
        int columns = bands * lines;
        float[] centre = new float[columns];
        float[] inverseWidth = new float[columns];
        float[] shape = new float[columns];
        float[] logPrefactor = new float[columns];
        for (int b = 0; b < bands; b++) {
            BandpassModel bp = model.bandpasses().get(b);
            for (int l = 0; l < lines; l++) {
                centre[b * lines + l] = (float) bp.centres()[i];
                inverseWidth[b * lines + l] = (float) (1 / bp.widths()[i]);
                shape[b * lines + l] = (float) bp.shapes()[i];
                logPrefactor[b * lines + l] = (float) bp.logPrefactor(i);
            }
        }
        Operand<TFloat32> u = s.math.mul(s.math.abs(s.math.sub(observed, constant(s, centre, 1, columns))),
                constant(s, inverseWidth, 1, columns));
        Operand<TFloat32> logU = s.math.log(s.math.maximum(u, s.constant(MIN_DISTANCE)));
        Operand<TFloat32> exponent = s.math.exp(s.math.minimum(s.math.mul(logU, constant(s, shape, 1, columns)),
                s.constant((float) Math.log(MAX_EXPONENT))));
        return s.math.exp(s.math.sub(constant(s, logPrefactor, 1, columns), exponent));
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
        Operand<TFloat32> c = s.reshape(contributionColumns(s, inputs), s.constant(new int[] {-1, lines}));
        Operand<TFloat32> sums = s.reshape(s.linalg.matMul(c, constant(s, w, lines, k)),
                s.constant(new int[] {-1, bands, k}));
        return List.copyOf(s.unstack(sums, (long) k, org.tensorflow.op.core.Unstack.axis(2L)).output());
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
