package org.popstream.inference.fit;

import java.util.List;
import java.util.function.Function;
import org.popstream.inference.emission.EmissionLineSetting;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.Prior;

/**
 * The loaded forward model and posterior behind a fitter. {@code popstream fit} and the streaming
 * job both assemble it here, so a galaxy meets the same model in batch and in streaming.
 */
public record FitModel(PhotometryModel model, PhotometricPosterior posterior, LikelihoodCalibration calibration,
                       PopCosmosQuantities quantities) {

    /**
     * @param calibration the likelihood calibration for the loaded model's band names (in model order)
     */
    public static FitModel load(ModelDirectory directory, List<Band> bands, Prior prior,
            Function<List<String>, LikelihoodCalibration> calibration) {
        return load(directory, bands, prior, calibration, EmissionLineSetting.NONE);
    }

    /**
     * @param calibration   the likelihood calibration for the loaded model's band names (in model order)
     * @param emissionLines the emission-line term ({@code --emission-lines} / {@code emission.lines})
     */
    public static FitModel load(ModelDirectory directory, List<Band> bands, Prior prior,
            Function<List<String>, LikelihoodCalibration> calibration, EmissionLineSetting emissionLines) {
        PhotometryModel model = PhotometryModel.load(directory, bands, emissionLines);
        LikelihoodCalibration likelihoodCalibration = calibration.apply(model.bandNames());
        PhotometricPosterior posterior = new PhotometricPosterior(prior, model, new StudentTLikelihood(likelihoodCalibration));
        return new FitModel(model, posterior, likelihoodCalibration,
                new PopCosmosQuantities(StellarMassEmulator.read(directory), model.distances()));
    }

    public EnsembleGalaxyFitter fitter(FitSettings settings) {
        return new EnsembleGalaxyFitter(posterior, settings, quantities, calibration);
    }
}
