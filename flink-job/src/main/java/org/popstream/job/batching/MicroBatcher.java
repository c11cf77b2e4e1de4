package org.popstream.job.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.popstream.job.validation.ValidGalaxy;

/**
 * Collects galaxies per bucket in keyed state and emits a batch when it reaches {@code batchSize}
 * or when its oldest galaxy has waited {@code maxDelay} (a processing-time timer), whichever comes
 * first. The buffer is checkpointed state, so nothing queued is lost on failure; after a flush the
 * bucket holds no state and no timer.
 */
public final class MicroBatcher extends KeyedProcessFunction<Integer, ValidGalaxy, GalaxyBatch> {

    private final int batchSize;
    private final long maxDelayMillis;

    private transient ListState<QueuedGalaxy> buffer;
    private transient ValueState<Integer> buffered;
    private transient ValueState<Long> flushTimer;

    public MicroBatcher(int batchSize, Duration maxDelay) {
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelay.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        buffer = getRuntimeContext().getListState(
                new ListStateDescriptor<>("buffer", TypeInformation.of(QueuedGalaxy.class)));
        buffered = getRuntimeContext().getState(new ValueStateDescriptor<>("buffered", Types.INT));
        flushTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-timer", Types.LONG));
    }

    @Override
    public void processElement(ValidGalaxy galaxy, Context ctx, Collector<GalaxyBatch> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        buffer.add(new QueuedGalaxy(galaxy, now));
        int count = buffered.value() == null ? 1 : buffered.value() + 1;
        if (count >= batchSize) {
            flush(ctx, now, out);
            return;
        }
        buffered.update(count);
        if (flushTimer.value() == null) {
            long deadline = now + maxDelayMillis;
            ctx.timerService().registerProcessingTimeTimer(deadline);
            flushTimer.update(deadline);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<GalaxyBatch> out) throws Exception {
        flush(ctx, timestamp, out);
    }

    private void flush(Context ctx, long now, Collector<GalaxyBatch> out) throws Exception {
        List<QueuedGalaxy> galaxies = new ArrayList<>();
        for (QueuedGalaxy queued : buffer.get()) {
            galaxies.add(queued);
        }
        Long timer = flushTimer.value();
        if (timer != null) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
        }
        buffer.clear();
        buffered.clear();
        flushTimer.clear();
        if (!galaxies.isEmpty()) {
            out.collect(new GalaxyBatch(galaxies, now));
        }
    }
}
