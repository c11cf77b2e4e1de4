package org.popstream.inference.emission;

import java.util.List;

/**
 * The emission-line model evaluated in plain Java double precision, step for step as upstream's
 * torch code: the reference the float32 {@link EmissionLineGraph} is tested against, and the path of
 * the double-precision photometry (mocks, tests). Stateless apart from the weights; thread-safe.
 */
public final class JavaEmissionLineEmulator {

    private static final double LN10 = Math.log(10);

    private final EmissionLineNetwork net;
    private final int[] lineIndices;
    private final List<BandpassModel> bandpasses;
    private final double[] restWavelengths;

    public JavaEmissionLineEmulator(EmissionLineModel model) {
        this.net = model.network();
        this.lineIndices = model.lineIndices();
        this.bandpasses = model.bandpasses();
        this.restWavelengths = EmissionLines.SELECTED.stream().mapToDouble(EmissionLine::restWavelengthFloat32).toArray();
    }

    /**
     * @param inputs the 16 network inputs ({@link EmissionLineNetwork#INPUT_NAMES})
     * @return the 128 line strengths in magnitudes per unit formed mass
     */
    public double[] logSpectrum(double[] inputs) {
        if (inputs.length != EmissionLineNetwork.INPUTS) {
            throw new IllegalArgumentException("need 16 inputs, got " + inputs.length);
        }
        double[] x = new double[EmissionLineNetwork.INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (inputs[i] - net.parameterShift()[i]) / net.parameterScale()[i];
        }
        for (EmissionLineNetwork.HiddenLayer layer : net.hidden()) {
            double[] h = affine(x, layer.weight(), layer.bias());
            for (int j = 0; j < h.length; j++) {
                double sigmoid = 1.0 / (1.0 + Math.exp(-layer.alpha()[j] * h[j]));
                h[j] = (layer.beta()[j] + (1.0 - layer.beta()[j]) * sigmoid) * h[j];
            }
            x = h;
        }
        double[] pcs = affine(x, net.outputWeight(), net.outputBias());
        for (int k = 0; k < pcs.length; k++) {
            pcs[k] = pcs[k] * net.pcaScale()[k] + net.pcaShift()[k];
        }
        double[] logSpectrum = affine(pcs, net.pcaBasis(), new double[EmissionLineNetwork.LINES]);
        for (int j = 0; j < logSpectrum.length; j++) {
            logSpectrum[j] = logSpectrum[j] * net.logSpectrumScale()[j] + net.logSpectrumShift()[j];
        }
        return logSpectrum;
    }

    /**
     * The per-band, per-line flux contributions c_{b,l}(θ) of {@link EmissionLineModel}, in nanomaggies.
     *
     * @param inputs the 16 network inputs; N (column 0) and z (column 15) also place and scale the lines
     * @return [bands][44], lines in {@link EmissionLines#SELECTED} order
     */
    public double[][] contributions(double[] inputs) {
        double[] logSpectrum = logSpectrum(inputs);
        double z = inputs[EmissionLineNetwork.REDSHIFT];
        double norm = Math.exp(LN10 * (9 - 0.4 * inputs[EmissionLineNetwork.NORMALISATION])) * EmissionLineModel.FLUX_UNIT;
        double[][] c = new double[bandpasses.size()][EmissionLines.COUNT];
        for (int l = 0; l < EmissionLines.COUNT; l++) {
            double observed = (1 + z) * restWavelengths[l];
            double strength = Math.exp(-0.4 * LN10 * logSpectrum[lineIndices[l]]);
            for (int b = 0; b < c.length; b++) {
                c[b][l] = bandpasses.get(b).transmission(observed) * norm * observed * strength;
            }
        }
        return c;
    }

    private static double[] affine(double[] x, double[][] w, double[] bias) {
        double[] out = bias.clone();
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double[] row = w[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += xi * row[j];
            }
        }
        return out;
    }
}
