package org.popstream.job.inference;

import java.nio.file.Path;
import org.popstream.inference.fit.FitModel;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.job.config.InitialisationConfig;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.config.SamplerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production fitter: pop-cosmos emulators, analytic prior, Student-t likelihood and the
 * stretch-move ensemble in TensorFlow, built exactly as {@code popstream fit} builds it (all 26
 * COSMOS2020 bands; a galaxy's missing bands simply add no likelihood term). Every batch runs at
 * the job's {@code batch.size} (partial batches padded by the fitter), so a galaxy gets the same
 * posterior streamed or fitted by {@code popstream fit --batch <batch.size>} with the same
 * settings and seed, however the stream happened to batch it.
 */
public final class TensorFlowFitterFactory implements GalaxyFitterFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TensorFlowFitterFactory.class);

    private final String modelsDir;
    private final SamplerConfig sampler;
    private final InitialisationConfig initialisation;
    private final boolean keepSamples;
    private final int batchSize;

    public TensorFlowFitterFactory(PopstreamJobConfig config) {
        this.modelsDir = config.modelsDir();
        this.sampler = config.sampler();
        this.initialisation = config.initialisation();
        this.keepSamples = config.topics().samplesTopic().isPresent();
        this.batchSize = config.batchSize();
    }

    @Override
    public GalaxyFitter create(FitterPlacement placement) {
        if (placement.onGpu()) {
            // TensorFlow places ops on the first visible GPU; with one GPU per TaskManager (deploy/)
            // that is the assigned one. Binding a chosen index needs a device option in FitSettings.
            LOG.info("Flink assigned GPU {}; TensorFlow uses its default visible GPU", placement.gpuIndex().getAsInt());
        }
        FitModel fitModel = FitModel.load(new ModelDirectory(Path.of(modelsDir)), CosmosBands.ALL, sampler.prior(),
                bandNames -> LikelihoodCalibration.none(bandNames.size()));
        FitSettings settings = new FitSettings(
                new SamplerSettings(sampler.walkers(), sampler.steps(), sampler.burn(), sampler.thin(),
                        sampler.stepsPerRun(), sampler.earlyStop(), sampler.earlyStopFactor()),
                new InitialisationSettings(initialisation.bank(), initialisation.starts(), initialisation.optimise(),
                        initialisation.adamSteps(), initialisation.anneal()),
                sampler.seed(), sampler.threads(), keepSamples, batchSize);
        return fitModel.fitter(settings);
    }
}
