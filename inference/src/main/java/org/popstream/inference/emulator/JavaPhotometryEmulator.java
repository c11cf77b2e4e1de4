package org.popstream.inference.emulator;

import java.util.List;
import java.util.stream.IntStream;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.PhotulatorWeights;

/**
 * The photometry emulators evaluated in plain Java double precision: the reference the TensorFlow
 * float32 graph is tested against, and the {@code --precision double} path of {@code emulate}.
 * Stateless apart from the weights, so it is safe to share between threads; a batch is split
 * into row blocks evaluated on the common fork-join pool.
 */
public final class JavaPhotometryEmulator implements PhotometryEmulator {

    private static final int BLOCK_ROWS = 64;

    private final List<Band> bands;
    private final Network[] networks;

    public JavaPhotometryEmulator(List<PhotulatorWeights> weights) {
        this.bands = weights.stream().map(PhotulatorWeights::band).toList();
        this.networks = weights.stream().map(Network::new).toArray(Network[]::new);
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public double[] absMagPerMass(double[] inputs, int rows) {
        if (inputs.length < rows * EmulatorInputs.COUNT) {
            throw new IllegalArgumentException("need " + rows * EmulatorInputs.COUNT + " inputs, got " + inputs.length);
        }
        int nb = networks.length;
        double[] out = new double[rows * nb];
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        // rows are independent: blocks run on the common fork-join pool
        IntStream.range(0, blocks).parallel().forEach(block -> {
            double[] a = new double[PhotulatorWeights.HIDDEN];
            double[] b = new double[PhotulatorWeights.HIDDEN];
            // band-major within a block: one band's weights stay in cache across the block's rows
            for (int k = 0; k < nb; k++) {
                for (int row = block * BLOCK_ROWS; row < Math.min(rows, (block + 1) * BLOCK_ROWS); row++) {
                    out[row * nb + k] = networks[k].forward(inputs, row * EmulatorInputs.COUNT, a, b);
                }
            }
        });
        return out;
    }

    @Override
    public void close() {
        // nothing native to release
    }

    /** One band's network with its weights flattened row-major for cache-friendly loops. */
    private static final class Network {
        private final double[] shift;
        private final double[] scale;
        private final double magShift;
        private final double magScale;
        private final int[] inputs;
        private final int[] outputs;
        private final double[][] weight;
        private final double[][] bias;
        private final double[][] alpha;
        private final double[][] beta;

        Network(PhotulatorWeights w) {
            shift = w.parameterShift();
            scale = w.parameterScale();
            magShift = w.magnitudeShift();
            magScale = w.magnitudeScale();
            int n = w.layers().size();
            inputs = new int[n];
            outputs = new int[n];
            weight = new double[n][];
            bias = new double[n][];
            alpha = new double[n][];
            beta = new double[n][];
            for (int l = 0; l < n; l++) {
                PhotulatorWeights.Layer layer = w.layers().get(l);
                inputs[l] = layer.inputs();
                outputs[l] = layer.outputs();
                weight[l] = new double[inputs[l] * outputs[l]];
                for (int i = 0; i < inputs[l]; i++) {
                    System.arraycopy(layer.weight()[i], 0, weight[l], i * outputs[l], outputs[l]);
                }
                bias[l] = layer.bias();
                alpha[l] = layer.alpha();
                beta[l] = layer.beta();
            }
        }

        /** Forward pass of one row; {@code a} and {@code b} are scratch vectors of the hidden width. */
        double forward(double[] theta, int offset, double[] a, double[] b) {
            double[] x = a;
            double[] h = b;
            for (int i = 0; i < inputs[0]; i++) {
                x[i] = (theta[offset + i] - shift[i]) / scale[i];
            }
            for (int l = 0; l < weight.length; l++) {
                int nOut = outputs[l];
                double[] w = weight[l];
                System.arraycopy(bias[l], 0, h, 0, nOut);
                for (int i = 0; i < inputs[l]; i++) {
                    double xi = x[i];
                    int base = i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        h[j] += xi * w[base + j];
                    }
                }
                double[] al = alpha[l];
                double[] be = beta[l];
                for (int j = 0; j < nOut; j++) {
                    double v = h[j];
                    double sigmoid = 1.0 / (1.0 + Math.exp(-al[j] * v));
                    h[j] = (be[j] + (1.0 - be[j]) * sigmoid) * v;
                }
                double[] swap = x;
                x = h;
                h = swap;
            }
            return x[0] * magScale + magShift;
        }
    }
}
