package org.popstream.job.cli;

import org.popstream.inference.fit.EnsembleGalaxyFitter;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.fit.PopCosmosQuantities;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.Prior;

/** A validated configuration with its loaded model, ready to build fitters. */
record FittingContext(FitSettings settings, Prior prior, PhotometryModel model, PhotometricPosterior posterior,
                      LikelihoodCalibration calibration, PopCosmosQuantities quantities) {

    EnsembleGalaxyFitter fitter(boolean keepSamples) {
        FitSettings s = new FitSettings(settings.sampler(), settings.initialisation(), settings.seed(), settings.threads(),
                keepSamples);
        return new EnsembleGalaxyFitter(posterior, s, quantities, calibration);
    }
}
