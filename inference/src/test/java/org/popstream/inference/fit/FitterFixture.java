package org.popstream.inference.fit;

import java.util.List;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.testing.SharedPaths;

/** The real model for a band subset (analytic prior, no calibration), and fitters on it. */
record FitterFixture(FitModel fitModel, AnalyticPrior prior) {

    static FitterFixture load(List<Band> bands) {
        AnalyticPrior prior = new AnalyticPrior();
        return new FitterFixture(FitModel.load(new ModelDirectory(SharedPaths.models()), bands, prior,
                names -> LikelihoodCalibration.none(names.size())), prior);
    }

    PhotometryModel model() {
        return fitModel.model();
    }

    EnsembleGalaxyFitter fitter(SamplerSettings sampler, InitialisationSettings init, long seed) {
        return fitModel.fitter(new FitSettings(sampler, init, seed, 2, false, 0));
    }
}
