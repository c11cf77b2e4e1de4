package org.popstream.inference.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.inference.emulator.JavaPhotometryEmulator;
import org.popstream.inference.emulator.PhotulatorGraph;
import org.popstream.inference.emission.EmissionLineCorrection;
import org.popstream.inference.emission.EmissionLineModel;
import org.popstream.inference.emission.EmissionLineSetting;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.PhotulatorWeights;
import org.popstream.inference.prior.ParameterSpace;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Model fluxes in nanomaggies from sampler parameters (log10 M_formed, θ1..θ15), science.md §2:
 * emulator magnitude per formed mass + N, N = distmod(z) − 2.5 log10 M_formed. Optionally with the
 * emission-line term ({@link EmissionLineCorrection}): its flux offset is part of the model flux, its
 * per-band line error goes to the likelihood through {@link #predict}.
 */
public final class PhotometryModel {

    /** Redshift fed to the emulator and distance modulus is kept ≥ this: distmod(0) = −∞. */
    static final double MIN_MODEL_REDSHIFT = 1e-3;

    private final List<Band> bands;
    private final List<PhotulatorWeights> weights;
    private final DistanceModulusTable distances;
    private final String version;
    /** Null when the emission-line term is off. */
    private final EmissionLineCorrection emissionLines;

    public PhotometryModel(List<PhotulatorWeights> weights, DistanceModulusTable distances, String version) {
        this(weights, distances, version, null);
    }

    private PhotometryModel(List<PhotulatorWeights> weights, DistanceModulusTable distances, String version,
                            EmissionLineCorrection emissionLines) {
        this.weights = List.copyOf(weights);
        this.bands = this.weights.stream().map(PhotulatorWeights::band).toList();
        this.distances = distances;
        this.version = version;
        if (emissionLines != null && !emissionLines.bands().equals(bands)) {
            throw new IllegalArgumentException("emission-line bands " + emissionLines.bands() + " differ from the model's "
                    + bands);
        }
        this.emissionLines = emissionLines;
    }

    /**
     * The same model with the emission-line term on.
     *
     * @param version the model version including the emission-line files
     */
    public PhotometryModel withEmissionLines(EmissionLineCorrection correction, String version) {
        return new PhotometryModel(weights, distances, version, correction);
    }

    /**
     * Loads the photometry emulators and, when {@code setting} enables it, the emission-line term for the
     * same bands (refused, naming the file, when one of its files is missing or malformed).
     */
    public static PhotometryModel load(ModelDirectory models, List<Band> bands, EmissionLineSetting setting) {
        PhotometryModel model = load(models, bands);
        if (setting.table().isEmpty()) {
            return model;
        }
        EmissionLineModel lines = EmissionLineModel.load(models, bands);
        List<java.nio.file.Path> files = new ArrayList<>(models.photulators(bands));
        files.addAll(EmissionLineModel.files(models, bands));
        return model.withEmissionLines(new EmissionLineCorrection(lines, setting.table().get()), models.version(files));
    }

    /** The emission-line term, when on. */
    public Optional<EmissionLineCorrection> emissionLines() {
        return Optional.ofNullable(emissionLines);
    }

    public static PhotometryModel load(ModelDirectory models, List<Band> bands) {
        List<PhotulatorWeights> w = new ArrayList<>();
        for (Band band : bands) {
            w.add(PhotulatorWeights.read(models.photulator(band), band));
        }
        return new PhotometryModel(w, DistanceModulusTable.planck18(), models.version(models.photulators(bands)));
    }

    public List<Band> bands() {
        return bands;
    }

    public List<String> bandNames() {
        return bands.stream().map(Band::name).toList();
    }

    public String version() {
        return version;
    }

    public DistanceModulusTable distances() {
        return distances;
    }

    /**
     * What the likelihood needs from the model.
     *
     * @param flux              [n, bands] model fluxes in nanomaggies (emission-line offsets included)
     * @param emissionLineSigma [n, bands] the emission-line error σ_EM in nanomaggies; null when the term is off
     */
    public record Prediction(Operand<TFloat32> flux, Operand<TFloat32> emissionLineSigma) {}

    /**
     * @param theta [n, 16] sampler parameters, already inside the prior bounds
     * @return [n, bands] fluxes in nanomaggies
     */
    public Operand<TFloat32> fluxNanomaggies(Ops tf, Operand<TFloat32> theta) {
        return predict(tf, theta).flux();
    }

    /**
     * @param theta [n, 16] sampler parameters, already inside the prior bounds
     */
    public Prediction predict(Ops tf, Operand<TFloat32> theta) {
        Ops s = tf.withSubScope("model");
        Operand<org.tensorflow.types.TInt32> axis = s.constant(1); // theta is [n, 16]; non-negative for the C++ gradients
        List<Operand<TFloat32>> columns = new ArrayList<>();
        for (int d = 1; d < ParameterSpace.DIMENSION; d++) {
            Operand<TFloat32> c = s.gather(theta, s.constant(new int[] {d}), axis);
            if (d == ParameterSpace.DUST2) {
                c = s.math.sqrt(s.math.maximum(c, s.constant(0f)));
            } else if (d == ParameterSpace.REDSHIFT) {
                c = s.math.maximum(c, s.constant((float) MIN_MODEL_REDSHIFT));
            }
            columns.add(c);
        }
        Operand<TFloat32> inputs = s.concat(columns, axis);
        Operand<TFloat32> absMag = new PhotulatorGraph(weights).absMagPerMass(s, inputs);
        Operand<TFloat32> z = columns.get(EmulatorInputs.Z);
        Operand<TFloat32> logMass = s.gather(theta, s.constant(new int[] {ParameterSpace.LOG10_MASS}), axis);
        Operand<TFloat32> normalisation = s.math.sub(distances.distanceModulus(s, z), s.math.mul(s.constant(2.5f), logMass));
        Operand<TFloat32> magnitude = s.math.add(absMag, normalisation);
        // 10^(−0.4 (m − 22.5))
        Operand<TFloat32> flux = s.math.exp(s.math.mul(s.math.sub(magnitude, s.constant(22.5f)),
                s.constant((float) (-0.4 * Math.log(10)))));
        if (emissionLines == null) {
            return new Prediction(flux, null);
        }
        // the line network takes N in front of the photometry emulators' 15 inputs
        var terms = emissionLines.terms(s, s.concat(List.of(normalisation, inputs), axis));
        return new Prediction(s.math.add(flux, terms.fluxOffset()), terms.sigma());
    }

    /** The photometry emulators' 15 inputs of a sampler-space point: sqrt(dust2), z kept ≥ the model minimum. */
    private static double[] emulatorInputs(double[] theta) {
        double[] inputs = new double[EmulatorInputs.COUNT];
        for (int d = 1; d < ParameterSpace.DIMENSION; d++) {
            double v = theta[d];
            if (d == ParameterSpace.DUST2) {
                v = Math.sqrt(Math.max(v, 0));
            } else if (d == ParameterSpace.REDSHIFT) {
                v = Math.max(v, MIN_MODEL_REDSHIFT);
            }
            inputs[d - 1] = v;
        }
        return inputs;
    }

    /** Double-precision fluxes (nanomaggies) of sampler-space points (emission-line offsets included), for mocks and tests. */
    public double[][] fluxNanomaggies(double[][] theta) {
        double[][] inputs = new double[theta.length][];
        for (int i = 0; i < theta.length; i++) {
            inputs[i] = emulatorInputs(theta[i]);
        }
        double[][] mags;
        try (JavaPhotometryEmulator emulator = new JavaPhotometryEmulator(weights)) {
            mags = emulator.absMagPerMass(inputs);
        }
        double[][] flux = new double[theta.length][bands.size()];
        for (int i = 0; i < theta.length; i++) {
            double n = normalisation(theta[i]);
            for (int b = 0; b < bands.size(); b++) {
                flux[i][b] = Math.pow(10, -0.4 * (mags[i][b] + n - 22.5));
            }
        }
        if (emissionLines != null) {
            double[][] offset = emissionLines.terms(emissionLineInputs(inputs, theta)).fluxOffset();
            for (int i = 0; i < theta.length; i++) {
                for (int b = 0; b < bands.size(); b++) {
                    flux[i][b] += offset[i][b];
                }
            }
        }
        return flux;
    }

    /**
     * Double-precision emission-line error σ_EM (nanomaggies) of sampler-space points, [n][bands]; all
     * zero when the term is off.
     */
    public double[][] emissionLineSigma(double[][] theta) {
        if (emissionLines == null) {
            return new double[theta.length][bands.size()];
        }
        double[][] inputs = new double[theta.length][];
        for (int i = 0; i < theta.length; i++) {
            inputs[i] = emulatorInputs(theta[i]);
        }
        return emissionLines.terms(emissionLineInputs(inputs, theta)).sigma();
    }

    /** N = distmod(z) − 2.5 log10 M_formed at the model redshift. */
    private double normalisation(double[] theta) {
        double z = Math.max(theta[ParameterSpace.REDSHIFT], MIN_MODEL_REDSHIFT);
        return distances.distanceModulus(z) - 2.5 * theta[ParameterSpace.LOG10_MASS];
    }

    /** The emission-line network inputs: N, then the photometry emulators' 15. */
    private double[][] emissionLineInputs(double[][] emulatorInputs, double[][] theta) {
        double[][] out = new double[theta.length][EmulatorInputs.COUNT + 1];
        for (int i = 0; i < theta.length; i++) {
            out[i][0] = normalisation(theta[i]);
            System.arraycopy(emulatorInputs[i], 0, out[i], 1, EmulatorInputs.COUNT);
        }
        return out;
    }
}
