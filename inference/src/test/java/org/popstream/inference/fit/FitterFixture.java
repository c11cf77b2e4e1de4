package org.popstream.inference.fit;

import java.util.List;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.inference.posterior.InitialisationSettings;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.testing.SharedPaths;

/** The real model for a band subset, and fitters on it. */
record FitterFixture(PhotometryModel model, AnalyticPrior prior, PhotometricPosterior posterior,
                     LikelihoodCalibration calibration, PopCosmosQuantities quantities) {

    static FitterFixture load(List<Band> bands) {
        ModelDirectory models = new ModelDirectory(SharedPaths.models());
        PhotometryModel model = PhotometryModel.load(models, bands);
        AnalyticPrior prior = new AnalyticPrior();
        LikelihoodCalibration calibration = LikelihoodCalibration.none(bands.size());
        return new FitterFixture(model, prior, new PhotometricPosterior(prior, model, new StudentTLikelihood(calibration)),
                calibration, new PopCosmosQuantities(StellarMassEmulator.read(models), model.distances()));
    }

    EnsembleGalaxyFitter fitter(SamplerSettings sampler, InitialisationSettings init, long seed) {
        return new EnsembleGalaxyFitter(posterior, new FitSettings(sampler, init, seed, 2, false), quantities, calibration);
    }
}
