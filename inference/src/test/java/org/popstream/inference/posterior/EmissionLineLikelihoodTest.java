package org.popstream.inference.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.emission.EmissionLineCorrection;
import org.popstream.inference.emission.EmissionLineModel;
import org.popstream.inference.emission.EmissionLineSetting;
import org.popstream.inference.emission.EmissionLineTable;
import org.popstream.inference.emission.EmissionLines;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.likelihood.Leistedt23Calibration;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.sampler.TargetGraph;
import org.popstream.inference.tensor.FlatTensors;
import org.popstream.testing.SharedPaths;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The emission-line term of science.md §2–3 inside the photometric posterior. */
class EmissionLineLikelihoodTest {

    /** Bands where z ≳ 2.5 lines land: intermediate, narrow, K and IRAC among broad ones. */
    private static final List<Band> BANDS = CosmosBands.parse(
            "hsc_g,hsc_i,ia679_cosmos,NB816.SuprimeCam,uvista_h_cosmos,uvista_ks_cosmos,irac1_cosmos,irac2_cosmos");
    private static final int POINTS = 6;
    private static final int GALAXIES = 3;

    private static PhotometryModel plain;
    private static EmissionLineModel lines;
    private static AnalyticPrior prior;
    private static List<GalaxyPhotometry> galaxies;
    private static double[][][] points;

    @BeforeAll
    static void load() {
        ModelDirectory models = new ModelDirectory(SharedPaths.models());
        plain = PhotometryModel.load(models, BANDS);
        lines = EmissionLineModel.load(models, BANDS);
        prior = new AnalyticPrior();
        SplittableRandom random = new SplittableRandom(17);
        // galaxies at z 2.5–4.5 observed at 5 % errors; points: their truths, then prior draws moved to that z
        galaxies = new ArrayList<>();
        points = new double[POINTS][GALAXIES][];
        for (int g = 0; g < GALAXIES; g++) {
            double[] truth = prior.sample(random);
            truth[ParameterSpace.REDSHIFT] = 2.5 + g;
            truth[ParameterSpace.LOG10_MASS] = 10.5;
            double[] flux = plain.fluxNanomaggies(new double[][] {truth})[0];
            List<GalaxyPhotometry.BandFlux> measured = new ArrayList<>();
            for (int b = 0; b < BANDS.size(); b++) {
                measured.add(GalaxyPhotometry.BandFlux.detection(BANDS.get(b).name(),
                        flux[b] * (1 + 0.05 * (random.nextDouble() - 0.5)), 0.05 * flux[b]));
            }
            galaxies.add(new GalaxyPhotometry("g" + g, measured, Map.of()));
            for (int k = 0; k < POINTS; k++) {
                double[] p = k == 0 ? truth : prior.sample(random);
                p[ParameterSpace.REDSHIFT] = truth[ParameterSpace.REDSHIFT] + 0.05 * k;
                points[k][g] = p;
            }
        }
    }

    @Test
    void termWithZeroOffsetsAndErrorsLeavesTheLogPosteriorBitForBit() {
        LikelihoodCalibration calibration = Leistedt23Calibration.forBands(plain.bandNames());
        float[] off = logPosterior(plain, calibration);
        float[] zero = logPosterior(withTable(EmissionLineTable.zeros()), calibration);
        float[] upstream = logPosterior(withTable(EmissionLineTable.leistedt23()), calibration);
        int changed = 0;
        for (int i = 0; i < off.length; i++) {
            assertTrue(Float.isFinite(off[i]), "point " + i);
            assertEquals(Float.floatToIntBits(off[i]), Float.floatToIntBits(zero[i]),
                    "point " + i + ": " + off[i] + " without the term, " + zero[i] + " with zero offsets");
            changed += Float.compare(off[i], upstream[i]) != 0 ? 1 : 0;
        }
        // the term is live: the upstream offsets move the log posterior of these z ≥ 2.5 galaxies
        assertTrue(changed >= off.length / 2, "leistedt23 changed only " + changed + " of " + off.length + " values");
    }

    /**
     * With a table whose errors are large (30 % per line), the TF log posterior is prior + Student-t over the
     * double-precision model: flux with the offsets, zero points applied, s² = σ² + (ε μ)² + (ZP σ_EM)².
     */
    @Test
    void tensorFlowLogPosteriorMatchesDoubleReferenceWithOffsetsAndLineErrors() {
        double[] errors = new double[EmissionLines.COUNT];
        java.util.Arrays.fill(errors, 0.3);
        PhotometryModel model = withTable(new EmissionLineTable(EmissionLineTable.leistedt23().offsets(), errors));
        LikelihoodCalibration calibration = Leistedt23Calibration.forBands(plain.bandNames());
        float[] lp = logPosterior(model, calibration);
        double largestLineShare = 0;
        for (int k = 0; k < POINTS; k++) {
            for (int g = 0; g < GALAXIES; g++) {
                double[] theta = points[k][g];
                double[] mu = model.fluxNanomaggies(new double[][] {theta})[0];
                double[] lineSigma = model.emissionLineSigma(new double[][] {theta})[0];
                double expected = prior.logDensity(theta);
                for (GalaxyPhotometry.BandFlux f : galaxies.get(g).bands()) {
                    int b = plain.bandNames().indexOf(f.band());
                    double zp = calibration.zeroPoints()[b];
                    double m = zp * mu[b];
                    double floor = calibration.errorFloors()[b] * m;
                    double s = Math.sqrt(f.error() * f.error() + floor * floor + zp * lineSigma[b] * zp * lineSigma[b]);
                    expected += StudentT2.logDensity(f.flux(), m, s);
                    largestLineShare = Math.max(largestLineShare, zp * lineSigma[b] / s);
                }
                // float32 emulator: ~1e-3 mag → ~1e-3 relative flux; the χ-like terms scale with S/N
                assertEquals(expected, lp[k * GALAXIES + g], 0.02 * Math.max(1, Math.abs(expected)), "point " + k + " galaxy " + g);
            }
        }
        assertTrue(largestLineShare > 0.1, "the line error never mattered: at most " + largestLineShare + " of s");
    }

    /**
     * The MAP search differentiates the posterior graph (TensorFlow's C++ gradients, which abort the process on
     * an op without one): with the term on, gradients exist and are finite, also where a line sits exactly on a
     * bandpass centre (|u| = 0) or far outside every band.
     */
    @Test
    void logPosteriorGradientIsFiniteWithTheTermOn() {
        PhotometryModel model = withTable(EmissionLineTable.leistedt23());
        PhotometricPosterior posterior = new PhotometricPosterior(prior, model,
                new StudentTLikelihood(LikelihoodCalibration.none(BANDS.size())));
        // Hα (6564.6 Å) exactly on the first component centre of the Ks bandpass model
        double centre = lines.bandpasses().get(BANDS.indexOf(CosmosBands.byName("uvista_ks_cosmos"))).centres()[0];
        float onCentreZ = (float) (centre / (float) 6564.6 - 1);
        float[] flat = new float[POINTS * GALAXIES * ParameterSpace.DIMENSION];
        for (int k = 0; k < POINTS; k++) {
            for (int g = 0; g < GALAXIES; g++) {
                for (int d = 0; d < ParameterSpace.DIMENSION; d++) {
                    flat[(k * GALAXIES + g) * ParameterSpace.DIMENSION + d] = (float) points[k][g][d];
                }
                if (k == 1) {
                    flat[(k * GALAXIES + g) * ParameterSpace.DIMENSION + ParameterSpace.REDSHIFT] = onCentreZ;
                }
                if (k == 2) {
                    flat[(k * GALAXIES + g) * ParameterSpace.DIMENSION + ParameterSpace.REDSHIFT] = 0.01f;
                }
            }
        }
        float[] gradient;
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            TargetGraph<ObservedPhotometry> target = posterior.build(tf, GALAXIES);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(POINTS, GALAXIES, ParameterSpace.DIMENSION)));
            var total = tf.reduceSum(target.logProbability(x), tf.constant(new int[] {0, 1}));
            org.tensorflow.Output<TFloat32> dx = tf.gradients(total, List.of(x)).<TFloat32>dy(0);
            try (Session s = new Session(graph); TFloat32 in = FlatTensors.of(flat, POINTS, GALAXIES, ParameterSpace.DIMENSION)) {
                target.bind(s, ObservedPhotometry.of(galaxies, model.bandNames()));
                try (Result r = s.runner().feed(x, in).fetch(dx).run()) {
                    gradient = FlatTensors.read(r.get(0));
                }
            }
        }
        int nonZero = 0;
        for (int i = 0; i < gradient.length; i++) {
            assertTrue(Float.isFinite(gradient[i]), "gradient entry " + i + " is " + gradient[i]);
            nonZero += gradient[i] != 0 ? 1 : 0;
        }
        assertTrue(nonZero > gradient.length / 2, "only " + nonZero + " non-zero gradient entries");
    }

    private static PhotometryModel withTable(EmissionLineTable table) {
        return plain.withEmissionLines(new EmissionLineCorrection(lines, table), plain.version() + "+lines");
    }

    /** The TF log posterior of every point × galaxy, [POINTS × GALAXIES]. */
    private static float[] logPosterior(PhotometryModel model, LikelihoodCalibration calibration) {
        PhotometricPosterior posterior = new PhotometricPosterior(prior, model, new StudentTLikelihood(calibration));
        ObservedPhotometry obs = ObservedPhotometry.of(galaxies, model.bandNames());
        float[] flat = new float[POINTS * GALAXIES * ParameterSpace.DIMENSION];
        for (int k = 0; k < POINTS; k++) {
            for (int g = 0; g < GALAXIES; g++) {
                for (int d = 0; d < ParameterSpace.DIMENSION; d++) {
                    flat[(k * GALAXIES + g) * ParameterSpace.DIMENSION + d] = (float) points[k][g][d];
                }
            }
        }
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            TargetGraph<ObservedPhotometry> target = posterior.build(tf, GALAXIES);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(POINTS, GALAXIES, ParameterSpace.DIMENSION)));
            var out = target.logProbability(x);
            try (Session s = new Session(graph); TFloat32 in = FlatTensors.of(flat, POINTS, GALAXIES, ParameterSpace.DIMENSION)) {
                target.bind(s, obs);
                try (Result r = s.runner().feed(x, in).fetch(out).run()) {
                    return FlatTensors.read(r.get(0));
                }
            }
        }
    }

    @Test
    void settingNoneLoadsThePlainModel() {
        PhotometryModel none = PhotometryModel.load(new ModelDirectory(SharedPaths.models()), BANDS, EmissionLineSetting.NONE);
        assertTrue(none.emissionLines().isEmpty());
        assertEquals(plain.version(), none.version());
        PhotometryModel on = PhotometryModel.load(new ModelDirectory(SharedPaths.models()), BANDS,
                EmissionLineSetting.parse("leistedt23"));
        assertTrue(on.emissionLines().isPresent());
        assertTrue(!on.version().equals(plain.version()), "the version must change with the emission-line files");
    }
}
