package org.popstream.job.inference;

import java.io.Serializable;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.batching.QueuedGalaxy;
import org.popstream.job.config.SamplerConfig;
import org.popstream.job.validation.ValidGalaxy;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;

/** Turns a fitter's {@link PosteriorResult} into the records written to Kafka. */
public final class PosteriorSummaries implements Serializable {

    private final SamplerConfig sampler;
    private final boolean publishSamples;
    private final String priorDescription;

    public PosteriorSummaries(SamplerConfig sampler, boolean publishSamples) {
        this.sampler = sampler;
        this.publishSamples = publishSamples;
        this.priorDescription = sampler.priorDescription();
    }

    public InferenceOutcome outcome(QueuedGalaxy queued, PosteriorResult result, String modelVersion,
            double inferenceMillis, long emittedAtMillis) {
        PosteriorSummary summary = summary(queued, result, modelVersion, inferenceMillis, emittedAtMillis);
        PosteriorSamples samples = publishSamples ? PosteriorResultRecords.samplesOf(result, modelVersion) : null;
        return InferenceOutcome.fitted(summary, samples);
    }

    PosteriorSummary summary(QueuedGalaxy queued, PosteriorResult result, String modelVersion,
            double inferenceMillis, long emittedAtMillis) {
        ValidGalaxy galaxy = queued.galaxy();
        return PosteriorResultRecords.summaryOf(result)
                .setGalaxyId(galaxy.galaxyId())
                .setSurvey(galaxy.survey())
                .setTileId(galaxy.tileId())
                .setSpecZ(galaxy.specZ())
                .setSettings(new SamplerSettings(sampler.walkers(), sampler.steps(), sampler.burn(), sampler.thin(),
                        sampler.seed(), priorDescription, sampler.earlyStop()))
                .setModelVersion(modelVersion)
                .setTimings(new Timings(galaxy.emittedAtMillis(), queued.queuedAtMillis(), inferenceMillis,
                        emittedAtMillis))
                .setAttributes(galaxy.attributes())
                .build();
    }
}
