package org.popstream.inference.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.calibration.ZeroPointEstimate;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.photoz.RedshiftEstimate;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.testing.SharedPaths;

/**
 * The whole cross-validation on the real emulator with a small sample: mock galaxies drawn from the
 * analytic prior, emulated, with a zero-point offset injected into one band and S/N 30 noise.
 */
class CrossValidationTest {
    private static final List<String> BANDS = List.of("hsc_g", "hsc_r", "hsc_i", "hsc_z", "uvista_j_cosmos", "irac1_cosmos");
    /** hsc_z reads 10 % bright: the zero points fitted on one half must see it. */
    private static final double[] INJECTED = {1.0, 1.0, 1.0, 1.10, 1.0, 1.0};
    private static final int GALAXIES = 24;

    private static final Map<String, Double> TRUE_Z = new HashMap<>();
    private static CrossValidationResult result;
    private static final List<String> SCORED = new ArrayList<>();

    @BeforeAll
    static void runOnce() {
        PhotometryModel model = PhotometryModel.load(new ModelDirectory(SharedPaths.models()),
                CosmosBands.parse(String.join(",", BANDS)));
        AnalyticPrior prior = new AnalyticPrior();
        SplittableRandom random = new SplittableRandom(23);
        double[][] truth = new double[GALAXIES][];
        double[] z = new double[GALAXIES];
        for (int g = 0; g < GALAXIES; g++) {
            double[] theta;
            do {
                theta = prior.sample(random);
            } while (theta[ParameterSpace.REDSHIFT] < 0.2 || theta[ParameterSpace.REDSHIFT] > 3.0);
            theta[ParameterSpace.LOG10_MASS] = 10.5;
            truth[g] = theta;
            z[g] = theta[ParameterSpace.REDSHIFT];
        }
        double[][] flux = model.fluxNanomaggies(truth);
        List<GalaxyPhotometry> galaxies = new ArrayList<>();
        for (int g = 0; g < GALAXIES; g++) {
            List<BandFlux> bands = new ArrayList<>();
            for (int b = 0; b < BANDS.size(); b++) {
                double sigma = flux[g][b] / 30.0;
                bands.add(BandFlux.detection(BANDS.get(b), INJECTED[b] * flux[g][b] + sigma * random.nextGaussian(), sigma));
            }
            galaxies.add(new GalaxyPhotometry("mock" + g, bands, Map.of()));
            TRUE_Z.put("mock" + g, z[g]);
        }
        CrossValidationSettings settings = new CrossValidationSettings(5L, 2000, 256, 3, 5e-3, false, 2);
        result = new CrossValidation(model, settings).run(galaxies, z, new CrossValidation.Listener() {
            @Override
            public void scored(ConfigurationScore score) {
                SCORED.add(score.label());
            }
        });
    }

    @Test
    void calibratesOnOneHalfAndScoresTheOther() {
        SpecZSplit split = result.split();
        assertEquals(GALAXIES / 2, split.calibrationGalaxies().size());
        assertEquals(GALAXIES / 2, split.heldBackGalaxies().size());
        for (int i = 0; i < split.heldBackGalaxies().size(); i++) {
            GalaxyPhotometry g = split.heldBackGalaxies().get(i);
            assertEquals(TRUE_Z.get(g.id()), split.heldBackRedshifts()[i], "held-back redshift of " + g.id());
            assertTrue(split.calibrationGalaxies().stream().noneMatch(c -> c.id().equals(g.id())), g.id() + " in both halves");
        }
        int fitted = result.calibration().history().get(0).galaxiesFitted();
        assertTrue(fitted > 0 && fitted <= split.calibrationGalaxies().size(),
                "calibration fitted " + fitted + " galaxies; only the calibration half may enter");
    }

    @Test
    void scoresEveryPriorWithoutThenWithTheZeroPoints() {
        List<String> expected = new ArrayList<>();
        for (boolean calibrated : new boolean[] {false, true}) {
            for (PriorConfiguration c : PriorConfiguration.STANDARD) {
                expected.add(c.name() + (calibrated ? " + zeropoints" : ""));
            }
        }
        assertEquals(expected, result.scores().stream().map(ConfigurationScore::label).toList());
        assertEquals(expected, SCORED, "the listener hears every score in order");
        for (ConfigurationScore score : result.scores()) {
            assertEquals(GALAXIES / 2, score.estimates().size(), score.label());
            assertEquals(GALAXIES / 2, score.metrics().galaxies() + score.metrics().failed(), score.label());
        }
    }

    @Test
    void theFittedZeroPointsFindTheInjectedOffsetAndChangeTheEstimates() {
        ZeroPointEstimate z = result.calibration().estimates().stream().filter(e -> e.band().equals("hsc_z")).findFirst().orElseThrow();
        ZeroPointEstimate g = result.calibration().estimates().stream().filter(e -> e.band().equals("hsc_g")).findFirst().orElseThrow();
        // the factor multiplies the model fluxes, so a band reading 10 % bright needs a factor above 1,
        // and clearly more than an untouched band
        assertTrue(z.factor() - g.factor() > 0.04, "hsc_z " + z.factor() + " vs hsc_g " + g.factor());

        List<RedshiftEstimate> plain = result.scores().get(0).estimates();
        List<RedshiftEstimate> calibrated = result.scores().get(PriorConfiguration.STANDARD.size()).estimates();
        boolean anyDiffers = false;
        for (int i = 0; i < plain.size(); i++) {
            anyDiffers |= plain.get(i).median() != calibrated.get(i).median();
        }
        assertTrue(anyDiffers, "the analytic prior with zero points gave exactly the estimates without");
    }

    @Test
    void theBestConfigurationHasTheFewestOutliersThenTheSmallestScatter() {
        double fewest = result.scores().stream().mapToDouble(s -> s.metrics().outlierFraction()).min().orElseThrow();
        double scatter = result.scores().stream().filter(s -> s.metrics().outlierFraction() == fewest)
                .mapToDouble(s -> s.metrics().sigmaNmad()).min().orElseThrow();
        assertEquals(fewest, result.best().metrics().outlierFraction());
        assertEquals(scatter, result.best().metrics().sigmaNmad());
    }
}
