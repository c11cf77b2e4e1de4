package org.popstream.job.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Latency is taken when the checkpoint that commits a record completes, once per record. */
class CommitLatencyProbeTest {

    private static final AtomicLong NOW = new AtomicLong();

    @Test
    void eachRecordIsTimedWhenTheCheckpointAfterItCompletesAndOnlyThen() throws Exception {
        CommitLatencyProbe<Long> probe = new CommitLatencyProbe<>(emitted -> emitted, NOW::get);
        try (var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(probe))) {
            harness.open();
            harness.processElement(1_000L, 0);      // emitted at t = 1.0 s
            harness.processElement(1_500L, 0);
            harness.snapshot(1, 2_000);              // both wait for checkpoint 1
            harness.processElement(2_500L, 0);       // after the snapshot: belongs to checkpoint 2

            NOW.set(4_000);
            harness.notifyOfCompletedCheckpoint(1);
            assertEquals(2, probe.latency().getCount());
            assertEquals(3_000, probe.latency().getStatistics().getMax());   // 4.0 − 1.0 s
            assertEquals(2_500, probe.latency().getStatistics().getMin());   // 4.0 − 1.5 s
            assertEquals(3, harness.getOutput().size(), "a pass-through");

            harness.snapshot(2, 4_500);
            harness.snapshot(3, 5_000);              // nothing new: no empty bucket
            NOW.set(9_000);
            harness.notifyOfCompletedCheckpoint(3);  // checkpoint 2's notification never came: 3 commits it
            assertEquals(3, probe.latency().getCount());
            assertEquals(6_500, probe.latency().getStatistics().getMax());

            harness.notifyOfCompletedCheckpoint(3);  // a repeated notification times nothing again
            assertEquals(3, probe.latency().getCount());
        }
    }
}
