package org.popstream.inference.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.mock.CatalogueDepths;
import org.popstream.inference.mock.MockGalaxy;
import org.popstream.inference.mock.MockGenerator;
import org.popstream.inference.mock.NoiseDistribution;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.testing.SharedPaths;

/**
 * The streaming job batches galaxies differently from {@code fit}; a galaxy's posterior must not
 * change. Runs the whole fitter (bank, Adam, Newton, Laplace, sampler, summaries) on the real
 * emulator, alone vs inside a batch in another position; both are padded to the fixed batch size 4.
 * (Without padding, a batch of 32 vs 1 gave different draws for 3 of 4 galaxies: TF's float32
 * kernels round differently per batch shape, and MCMC amplifies any difference.)
 */
class BatchIndependenceTest {

    @Test
    void galaxyGetsTheSameDrawsAloneAndInsideAnotherBatch() {
        var bands = CosmosBands.parse("u_megaprime_sagem,hsc_g,hsc_r,hsc_i,hsc_z,uvista_j_cosmos,irac1_cosmos");
        ModelDirectory models = new ModelDirectory(SharedPaths.models());
        PhotometryModel model = PhotometryModel.load(models, bands);
        AnalyticPrior prior = new AnalyticPrior();
        LikelihoodCalibration calibration = LikelihoodCalibration.none(bands.size());
        PhotometricPosterior posterior = new PhotometricPosterior(prior, model, new StudentTLikelihood(calibration));
        CatalogueDepths depths = CatalogueDepths.fromCsv(
                SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv"), model.bandNames());
        List<MockGalaxy> mocks = new MockGenerator(prior, model, depths, NoiseDistribution.GAUSSIAN).generate(3, 5, "b");
        FitSettings settings = new FitSettings(new SamplerSettings(16, 40, 20, 4, 10, false, 50),
                new InitialisationSettings(1024, 2, true, 30), 99, 2, true, 4);
        PopCosmosQuantities quantities = new PopCosmosQuantities(StellarMassEmulator.read(models), model.distances());
        PosteriorResult alone;
        List<PosteriorResult> together;
        try (EnsembleGalaxyFitter fitter = new EnsembleGalaxyFitter(posterior, settings, quantities, calibration)) {
            alone = fitter.fit(List.of(mocks.get(1).photometry())).get(0);
            together = fitter.fit(mocks.stream().map(MockGalaxy::photometry).toList());
        }
        PosteriorResult inBatch = together.get(1);
        assertEquals(alone.galaxyId(), inBatch.galaxyId());
        assertEquals(alone.samples().length, inBatch.samples().length);
        for (int i = 0; i < alone.samples().length; i++) {
            assertArrayEquals(alone.samples()[i], inBatch.samples()[i], "draw " + i);
        }
        assertEquals(alone.acceptance(), inBatch.acceptance());
    }
}
