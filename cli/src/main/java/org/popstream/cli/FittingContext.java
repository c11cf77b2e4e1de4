package org.popstream.cli;

import org.popstream.inference.fit.EnsembleGalaxyFitter;
import org.popstream.inference.fit.FitModel;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.Prior;

/** A validated configuration with its loaded model, ready to build fitters. */
record FittingContext(FitSettings settings, FitModel fitModel) {

    EnsembleGalaxyFitter fitter(boolean keepSamples) {
        return fitModel.fitter(settings.withKeepSamples(keepSamples));
    }

    PhotometryModel model() {
        return fitModel.model();
    }

    PhotometricPosterior posterior() {
        return fitModel.posterior();
    }

    Prior prior() {
        return fitModel.posterior().prior();
    }
}
