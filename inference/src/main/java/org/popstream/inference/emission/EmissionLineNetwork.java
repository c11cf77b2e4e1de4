package org.popstream.inference.emission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.model.ModelTensor;
import org.popstream.inference.model.NumpyFile;
import org.popstream.inference.model.TorchArchive;

/**
 * The emission-line Speculator of pop-cosmos ({@code speculator.Speculator}): 16 inputs → three
 * hidden layers of 128 with the "alsing20" activation → 32 PCA coefficients (linear) → the
 * log spectrum, 128 line strengths in magnitudes per unit formed mass:
 * <pre>
 *   x = (θ − parameterShift) / parameterScale
 *   x = (β + (1 − β)·sigmoid(α·h))·h,  h = x·W + b          (three times)
 *   pcs = (x·W₃ + b₃)·pcaScale + pcaShift
 *   logspec = (pcs·pcaBasis)·logSpectrumScale + logSpectrumShift
 * </pre>
 * Every array holds float32 values widened to double: upstream builds its tensors in float32 from
 * the float64 {@code PCABasis.npz}, so we round those arrays the same way (the golden float64 column
 * is torch's {@code module.double()}, i.e. these rounded values).
 *
 * <p>The inputs are what upstream passes ({@link #INPUT_NAMES}). The stored parameter shift and scale
 * look like moments of dust2, f_agn and τ_agn (not of sqrt(dust2), ln f_agn, ln τ_agn); the golden
 * values show the network is nevertheless called, and so calibrated, with the square root and the
 * logarithms; see the package documentation.
 *
 * @param wavelengths rest wavelengths (Å) of the 128 outputs, as stored (float64)
 */
public record EmissionLineNetwork(
        double[] parameterShift, double[] parameterScale, List<HiddenLayer> hidden,
        double[][] outputWeight, double[] outputBias, double[] pcaShift, double[] pcaScale,
        double[][] pcaBasis, double[] logSpectrumShift, double[] logSpectrumScale, double[] wavelengths) {

    public static final int INPUTS = 16;
    public static final int HIDDEN = 128;
    public static final int HIDDEN_LAYERS = 3;
    public static final int COMPONENTS = 32;
    public static final int LINES = 128;

    /** The 16 inputs in network order: N first, then the photometry emulators' 15 (sqrt(dust2), ln f_agn, ln τ_agn). */
    public static final List<String> INPUT_NAMES = List.of(
            "N", "log10Z", "logsfr_ratio1", "logsfr_ratio2", "logsfr_ratio3", "logsfr_ratio4", "logsfr_ratio5",
            "logsfr_ratio6", "sqrt_dust2", "dust_index", "dust1_fraction", "lnfagn", "lnagntau", "gaslog10Z",
            "gaslog10U", "z");

    /** Column of N = distmod(z) − 2.5 log10 M_formed. */
    public static final int NORMALISATION = 0;
    /** Column of the redshift. */
    public static final int REDSHIFT = 15;

    /** One hidden layer {@code h = x·W + b; x = (β + (1 − β)·sigmoid(α·h))·h}; W is [in][out]. */
    public record HiddenLayer(double[][] weight, double[] bias, double[] alpha, double[] beta) {}

    public EmissionLineNetwork {
        hidden = List.copyOf(hidden);
    }

    /** Reads the three files of {@code emline_speculator_models/}, checking every shape. */
    public static EmissionLineNetwork read(ModelDirectory models) {
        Path netFile = models.emissionLineNetwork();
        Object root = TorchArchive.load(netFile);
        if (!(root instanceof Map<?, ?> state)) {
            throw new ModelFileException(netFile, "expected a state dict (OrderedDict of params.0…13), found " + root);
        }
        List<HiddenLayer> hidden = new ArrayList<>();
        for (int l = 0; l < HIDDEN_LAYERS; l++) {
            int in = l == 0 ? INPUTS : HIDDEN;
            hidden.add(new HiddenLayer(
                    param(netFile, state, l, in, HIDDEN).matrix(),
                    param(netFile, state, 4 + l, HIDDEN).values(),
                    param(netFile, state, 8 + l, HIDDEN).values(),
                    param(netFile, state, 11 + l, HIDDEN).values()));
        }
        double[][] outW = param(netFile, state, 3, HIDDEN, COMPONENTS).matrix();
        double[] outB = param(netFile, state, 7, COMPONENTS).values();

        Path pcaFile = models.emissionLinePcaBasis();
        Map<String, ModelTensor> pca = NumpyFile.readArchive(pcaFile);
        Path lambdaFile = models.emissionLineWavelengths();
        double[] wavelengths = NumpyFile.read(lambdaFile).requireShape(lambdaFile, "wavelengths", LINES).values();
        return new EmissionLineNetwork(
                float32(NumpyFile.require(pcaFile, pca, "parameters_shift", INPUTS).values()),
                float32(NumpyFile.require(pcaFile, pca, "parameters_scale", INPUTS).values()),
                hidden, outW, outB,
                float32(NumpyFile.require(pcaFile, pca, "pca_shift", COMPONENTS).values()),
                float32(NumpyFile.require(pcaFile, pca, "pca_scale", COMPONENTS).values()),
                float32(NumpyFile.require(pcaFile, pca, "pca_transform_matrix", COMPONENTS, LINES).matrix()),
                float32(NumpyFile.require(pcaFile, pca, "log_spectrum_shift", LINES).values()),
                float32(NumpyFile.require(pcaFile, pca, "log_spectrum_scale", LINES).values()),
                wavelengths);
    }

    private static ModelTensor param(Path file, Map<?, ?> state, int index, int... shape) {
        String key = "params." + index;
        if (!(state.get(key) instanceof ModelTensor t)) {
            throw new ModelFileException(file, "state dict lacks tensor '" + key + "' (has " + state.keySet() + ")");
        }
        return t.requireShape(file, key, shape);
    }

    private static double[] float32(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static double[][] float32(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = float32(m[i]);
        }
        return out;
    }
}
