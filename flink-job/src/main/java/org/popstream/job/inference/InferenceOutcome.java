package org.popstream.job.inference;

import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;

/**
 * What inference produced for one galaxy: a summary (plus thinned draws when they are published),
 * or a dead letter when the fit failed.
 */
public record InferenceOutcome(PosteriorSummary summary, PosteriorSamples samples, RejectedEvent rejected) {

    public static InferenceOutcome fitted(PosteriorSummary summary, PosteriorSamples samples) {
        return new InferenceOutcome(summary, samples, null);
    }

    public static InferenceOutcome failed(RejectedEvent rejected) {
        return new InferenceOutcome(null, null, rejected);
    }
}
