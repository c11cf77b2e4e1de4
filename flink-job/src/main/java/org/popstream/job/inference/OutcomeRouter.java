package org.popstream.job.inference;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;

/** Splits inference outcomes: summaries on the main output, dead letters and draws on side outputs. */
public final class OutcomeRouter extends ProcessFunction<InferenceOutcome, PosteriorSummary> {

    public static final OutputTag<RejectedEvent> REJECTED = new OutputTag<>("inference-rejected") {};
    public static final OutputTag<PosteriorSamples> SAMPLES = new OutputTag<>("samples") {};

    @Override
    public void processElement(InferenceOutcome outcome, Context ctx, Collector<PosteriorSummary> out) {
        if (outcome.rejected() != null) {
            ctx.output(REJECTED, outcome.rejected());
            return;
        }
        out.collect(outcome.summary());
        if (outcome.samples() != null) {
            ctx.output(SAMPLES, outcome.samples());
        }
    }
}
