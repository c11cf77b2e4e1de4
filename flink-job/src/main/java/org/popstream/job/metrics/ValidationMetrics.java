package org.popstream.job.metrics;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.popstream.schemas.RejectReason;

/**
 * Events in and rejections by reason. Every reason's counter exists from the start (as
 * {@code rejected.reason.<REASON>.count}) so dashboards show zeros instead of missing series.
 */
public final class ValidationMetrics {

    private final Counter eventsIn;
    private final Map<RejectReason, Counter> rejectedByReason = new EnumMap<>(RejectReason.class);

    public ValidationMetrics(MetricGroup group) {
        eventsIn = group.counter("eventsIn");
        for (RejectReason reason : RejectReason.values()) {
            rejectedByReason.put(reason, group.addGroup("rejected").addGroup("reason", reason.name()).counter("count"));
        }
    }

    public void eventIn() {
        eventsIn.inc();
    }

    public void rejected(RejectReason reason) {
        rejectedByReason.get(reason).inc();
    }
}
