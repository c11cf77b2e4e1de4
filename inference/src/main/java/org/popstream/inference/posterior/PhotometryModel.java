package org.popstream.inference.posterior;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.inference.emulator.JavaPhotometryEmulator;
import org.popstream.inference.emulator.PhotulatorGraph;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.PhotulatorWeights;
import org.popstream.inference.prior.ParameterSpace;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Model fluxes in nanomaggies from sampler parameters (log10 M_formed, θ1..θ15), science.md §2:
 * emulator magnitude per formed mass + N, N = distmod(z) − 2.5 log10 M_formed.
 */
public final class PhotometryModel {

    /** Redshift fed to the emulator and distance modulus is kept ≥ this: distmod(0) = −∞. */
    static final double MIN_MODEL_REDSHIFT = 1e-3;

    private final List<Band> bands;
    private final List<PhotulatorWeights> weights;
    private final DistanceModulusTable distances;
    private final String version;

    public PhotometryModel(List<PhotulatorWeights> weights, DistanceModulusTable distances, String version) {
        this.weights = List.copyOf(weights);
        this.bands = this.weights.stream().map(PhotulatorWeights::band).toList();
        this.distances = distances;
        this.version = version;
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
     * @param theta [n, 16] sampler parameters, already inside the prior bounds
     * @return [n, bands] fluxes in nanomaggies
     */
    public Operand<TFloat32> fluxNanomaggies(Ops tf, Operand<TFloat32> theta) {
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
        return s.math.exp(s.math.mul(s.math.sub(magnitude, s.constant(22.5f)), s.constant((float) (-0.4 * Math.log(10)))));
    }

    /** Double-precision fluxes (nanomaggies) of sampler-space points, for mocks and tests. */
    public double[][] fluxNanomaggies(double[][] theta) {
        double[][] inputs = new double[theta.length][EmulatorInputs.COUNT];
        for (int i = 0; i < theta.length; i++) {
            for (int d = 1; d < ParameterSpace.DIMENSION; d++) {
                double v = theta[i][d];
                if (d == ParameterSpace.DUST2) {
                    v = Math.sqrt(Math.max(v, 0));
                } else if (d == ParameterSpace.REDSHIFT) {
                    v = Math.max(v, MIN_MODEL_REDSHIFT);
                }
                inputs[i][d - 1] = v;
            }
        }
        double[][] mags;
        try (JavaPhotometryEmulator emulator = new JavaPhotometryEmulator(weights)) {
            mags = emulator.absMagPerMass(inputs);
        }
        double[][] flux = new double[theta.length][bands.size()];
        for (int i = 0; i < theta.length; i++) {
            double z = Math.max(theta[i][ParameterSpace.REDSHIFT], MIN_MODEL_REDSHIFT);
            double n = distances.distanceModulus(z) - 2.5 * theta[i][ParameterSpace.LOG10_MASS];
            for (int b = 0; b < bands.size(); b++) {
                flux[i][b] = Math.pow(10, -0.4 * (mags[i][b] + n - 22.5));
            }
        }
        return flux;
    }
}
