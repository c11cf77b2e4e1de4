package org.popstream.job.inference;

import java.io.Serializable;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.batching.QueuedGalaxy;
import org.popstream.job.validation.ValidGalaxy;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.Timings;

/** Turns a fitter's {@link PosteriorResult} into the records written to Kafka. */
public final class PosteriorSummaries implements Serializable {

    private final FitSettings settings;
    private final String priorDescription;

    /** Draws are published when {@code settings.keepSamples()}. */
    public PosteriorSummaries(FitSettings settings, String priorDescription) {
        this.settings = settings;
        this.priorDescription = priorDescription;
    }

    public InferenceOutcome outcome(QueuedGalaxy queued, PosteriorResult result, String modelVersion,
            double inferenceMillis, long emittedAtMillis) {
        PosteriorSummary summary = summary(queued, result, modelVersion, inferenceMillis, emittedAtMillis);
        PosteriorSamples samples = settings.keepSamples() ? PosteriorResultRecords.samplesOf(result, modelVersion) : null;
        return InferenceOutcome.fitted(summary, samples);
    }

    PosteriorSummary summary(QueuedGalaxy queued, PosteriorResult result, String modelVersion,
            double inferenceMillis, long emittedAtMillis) {
        ValidGalaxy galaxy = queued.galaxy();
        return PosteriorResultRecords.summary(result, new PosteriorResultRecords.Provenance(galaxy.survey(),
                        galaxy.tileId(), galaxy.specZ(), galaxy.attributes(), new Timings(galaxy.emittedAtMillis(),
                        queued.queuedAtMillis(), inferenceMillis, emittedAtMillis)),
                settings, priorDescription, modelVersion);
    }
}
