package org.popstream.inference.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.emission.EmissionLineCorrection;
import org.popstream.inference.emission.EmissionLineModel;
import org.popstream.inference.emission.EmissionLineTable;
import org.popstream.inference.emission.EmissionLines;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.testing.SharedPaths;

/** Mocks drawn through a model with the emission-line term carry its offsets in the truth and its error in the noise. */
class MockEmissionLinesTest {

    private static final List<Band> BANDS = CosmosBands.parse("hsc_r,ia679_cosmos,ia738_cosmos,uvista_ks_cosmos,irac1_cosmos");
    private static final int N = 40;
    private static final long SEED = 11;

    private static PhotometryModel plain;
    private static EmissionLineModel lines;
    private static CatalogueDepths depths;
    private static AnalyticPrior prior;

    @BeforeAll
    static void load() {
        ModelDirectory models = new ModelDirectory(SharedPaths.models());
        plain = PhotometryModel.load(models, BANDS);
        lines = EmissionLineModel.load(models, BANDS);
        depths = CatalogueDepths.fromCsv(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv"),
                plain.bandNames());
        prior = new AnalyticPrior();
    }

    @Test
    void zeroTableGivesTheSameMocksBitForBit() {
        List<MockGalaxy> off = generate(plain);
        List<MockGalaxy> zero = generate(withTable(EmissionLineTable.zeros()));
        for (int i = 0; i < N; i++) {
            assertArrayEquals(off.get(i).truth(), zero.get(i).truth(), 0.0);
            assertEquals(off.get(i).photometry(), zero.get(i).photometry(), "mock " + i);
        }
    }

    @Test
    void offsetsMoveTheTrueFluxAndLineErrorsWidenOnlyTheNoise() {
        double[] errors = new double[EmissionLines.COUNT];
        Arrays.fill(errors, 0.5);
        PhotometryModel on = withTable(new EmissionLineTable(EmissionLineTable.leistedt23().offsets(), errors));
        List<MockGalaxy> off = generate(plain);
        List<MockGalaxy> with = generate(on);
        int moved = 0;
        int widened = 0;
        for (int i = 0; i < N; i++) {
            double[] truth = off.get(i).truth();
            assertArrayEquals(truth, with.get(i).truth(), 0.0); // the same prior draw
            double[] fOff = plain.fluxNanomaggies(new double[][] {truth})[0];
            double[] fOn = on.fluxNanomaggies(new double[][] {truth})[0];
            double[] lineSigma = on.emissionLineSigma(new double[][] {truth})[0];
            List<GalaxyPhotometry.BandFlux> a = off.get(i).photometry().bands();
            List<GalaxyPhotometry.BandFlux> b = with.get(i).photometry().bands();
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                int band = plain.bandNames().indexOf(a.get(k).band());
                // the same noise variate ε in both mocks (same seed, same number of draws)
                double epsilon = (a.get(k).flux() - fOff[band]) / a.get(k).error();
                // the catalogue reports √(σ_depth² + (ε f_true)²) without σ_EM; σ_depth recovered from the plain mock
                double depth = Math.sqrt(Math.max(0, a.get(k).error() * a.get(k).error()
                        - Math.pow(MockGenerator.DEFAULT_ERROR_FLOOR * fOff[band], 2)));
                double reported = b.get(k).error();
                double expectedReported = Math.hypot(depth, MockGenerator.DEFAULT_ERROR_FLOOR * fOn[band]);
                assertEquals(expectedReported, reported, 1e-9 * expectedReported, "reported error, mock " + i);
                double expected = fOn[band] + Math.hypot(reported, lineSigma[band]) * epsilon;
                assertEquals(expected, b.get(k).flux(), 1e-9 * (Math.abs(expected) + reported), "flux, mock " + i);
                moved += Math.abs(fOn[band] - fOff[band]) > 1e-3 * fOff[band] ? 1 : 0;
                widened += lineSigma[band] > 0.1 * reported ? 1 : 0;
            }
        }
        assertTrue(moved > 0 && widened > 0, "the term never mattered: " + moved + " moved, " + widened + " widened");
    }

    private static List<MockGalaxy> generate(PhotometryModel model) {
        return new MockGenerator(prior, model, depths, NoiseDistribution.GAUSSIAN).generate(N, SEED, "m");
    }

    private static PhotometryModel withTable(EmissionLineTable table) {
        return plain.withEmissionLines(new EmissionLineCorrection(lines, table), plain.version() + "+lines");
    }
}
