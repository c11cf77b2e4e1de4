package org.popstream.job.validation;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.popstream.job.metrics.ValidationMetrics;
import org.popstream.job.source.IncomingPhotometry;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;

/**
 * Lets through galaxies the fitter can use, in nanomaggies; everything else goes to the
 * {@link #REJECTED} side output with its reason (including records the source could not decode).
 */
public final class PhotometryValidator extends ProcessFunction<IncomingPhotometry, ValidGalaxy> {

    public static final OutputTag<RejectedEvent> REJECTED = new OutputTag<>("rejected") {};

    private final PhotometryRules rules;
    private transient ValidationMetrics metrics;

    public PhotometryValidator(PhotometryRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = new ValidationMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(IncomingPhotometry in, Context ctx, Collector<ValidGalaxy> out) {
        metrics.eventIn();
        long now = ctx.timerService().currentProcessingTime();
        if (!in.isDecoded()) {
            reject(ctx, in, null, in.decodeFailure(), in.failureMessage(), now);
            return;
        }
        PhotometryEvent event = in.event();
        Verdict verdict = rules.check(event);
        if (!verdict.accepted()) {
            reject(ctx, in, event.getGalaxyId(), verdict.reason(), verdict.message(), now);
            return;
        }
        out.collect(new ValidGalaxy(event.getGalaxyId(), event.getSurvey(), event.getTileId(), event.getSpecZ(),
                event.getEmittedAtMillis(), verdict.usableBands(), event.getAttributes(), in.topic(),
                in.partition(), in.offset(), in.originalBytes()));
    }

    private void reject(Context ctx, IncomingPhotometry in, String galaxyId, RejectReason reason, String message,
            long now) {
        metrics.rejected(reason);
        ctx.output(REJECTED, Rejections.of(galaxyId, reason, message, in.topic(), in.partition(), in.offset(),
                in.originalBytes(), now));
    }
}
