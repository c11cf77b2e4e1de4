package org.popstream.job.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * A pass-through just before a transactional Kafka sink that measures the end-to-end latency the
 * consumers see: from the moment the photometry was emitted upstream to the moment the summary's
 * transaction commits. The sink commits when a checkpoint completes, so each record waits in the
 * bucket of the first checkpoint taken after it and is timed when that checkpoint's completion is
 * notified — the same notification on which the sink's committer commits.
 *
 * <p>Metric {@code endToEndLatencyMillis} (histogram). A record whose checkpoint is aborted or lost in
 * a failure is not timed: it is replayed from Kafka and timed again then, so the histogram never
 * counts one summary twice, but it also drops the waits of failed attempts.
 */
public final class CommitLatencyProbe<T> extends RichMapFunction<T, T> implements CheckpointedFunction, CheckpointListener {

    /** The upstream emission time of a record, epoch milliseconds. */
    @FunctionalInterface
    public interface EmittedAt<T> extends Serializable {
        long of(T record);
    }

    /** Wall clock; replaced in tests. */
    @FunctionalInterface
    public interface Clock extends Serializable {
        long nowMillis();
    }

    private static final int HISTOGRAM_WINDOW = 1024;

    private final EmittedAt<T> emittedAt;
    private final Clock clock;
    private transient List<Long> sinceLastCheckpoint;
    private transient TreeMap<Long, List<Long>> awaitingCommit;
    private transient Histogram latency;

    public CommitLatencyProbe(EmittedAt<T> emittedAt, Clock clock) {
        this.emittedAt = emittedAt;
        this.clock = clock;
    }

    public static <T> CommitLatencyProbe<T> wallClock(EmittedAt<T> emittedAt) {
        return new CommitLatencyProbe<>(emittedAt, System::currentTimeMillis);
    }

    @Override
    public void open(OpenContext context) {
        latency = getRuntimeContext().getMetricGroup()
                .histogram("endToEndLatencyMillis", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }

    @Override
    public T map(T record) {
        sinceLastCheckpoint.add(emittedAt.of(record));
        return record;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        if (!sinceLastCheckpoint.isEmpty()) {
            awaitingCommit.put(context.getCheckpointId(), sinceLastCheckpoint);
            sinceLastCheckpoint = new ArrayList<>();
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // nothing to restore: records of an unfinished checkpoint are replayed after a failure
        sinceLastCheckpoint = new ArrayList<>();
        awaitingCommit = new TreeMap<>();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        long now = clock.nowMillis();
        // a completed checkpoint also commits every earlier one (aborted, or its notification lost), as the
        // sink's committer does
        Iterator<Map.Entry<Long, List<Long>>> committed = awaitingCommit.headMap(checkpointId, true).entrySet().iterator();
        while (committed.hasNext()) {
            for (long emitted : committed.next().getValue()) {
                latency.update(Math.max(0, now - emitted));
            }
            committed.remove();
        }
    }

    /** What the histogram has seen, for tests. */
    Histogram latency() {
        return latency;
    }

}
