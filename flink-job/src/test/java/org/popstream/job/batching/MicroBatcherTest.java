package org.popstream.job.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.job.testing.Galaxies.galaxy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.popstream.job.validation.ValidGalaxy;

// every wait bounded: operator harnesses: bounded like every Flink test
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MicroBatcherTest {

    private static final int BATCH_SIZE = 3;
    private static final Duration MAX_DELAY = Duration.ofMillis(100);

    private KeyedOneInputStreamOperatorTestHarness<Integer, ValidGalaxy, GalaxyBatch> harness;

    private KeyedOneInputStreamOperatorTestHarness<Integer, ValidGalaxy, GalaxyBatch> open(int buckets) throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new MicroBatcher(BATCH_SIZE, MAX_DELAY), new GalaxyBuckets(buckets), Types.INT);
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static List<String> ids(GalaxyBatch batch) {
        return batch.galaxies().stream().map(q -> q.galaxy().galaxyId()).toList();
    }

    @Test
    void fullBatchIsEmittedAtOnceAndLeavesNoStateOrTimer() throws Exception {
        open(1);
        harness.setProcessingTime(10);
        harness.processElement(galaxy("a"), 0);
        harness.processElement(galaxy("b"), 0);
        assertTrue(harness.extractOutputValues().isEmpty());
        assertEquals(1, harness.numProcessingTimeTimers());

        harness.setProcessingTime(20);
        harness.processElement(galaxy("c"), 0);

        List<GalaxyBatch> out = harness.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals(List.of("a", "b", "c"), ids(out.get(0)));
        assertEquals(List.of(10L, 10L, 20L), out.get(0).galaxies().stream().map(QueuedGalaxy::queuedAtMillis).toList());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numProcessingTimeTimers());
    }

    @Test
    void partialBatchIsFlushedByTheTimerAfterTheMaximumDelay() throws Exception {
        open(1);
        harness.setProcessingTime(1_000);
        harness.processElement(galaxy("a"), 0);
        harness.setProcessingTime(1_050);
        harness.processElement(galaxy("b"), 0);

        harness.setProcessingTime(1_099);
        assertTrue(harness.extractOutputValues().isEmpty(), "the delay counts from the oldest galaxy");

        harness.setProcessingTime(1_100);
        List<GalaxyBatch> out = harness.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals(List.of("a", "b"), ids(out.get(0)));
        assertEquals(1_100, out.get(0).flushedAtMillis());
        assertEquals(0, harness.numKeyedStateEntries());
        assertEquals(0, harness.numProcessingTimeTimers());
    }

    @Test
    void bucketsFillAndFlushIndependently() throws Exception {
        open(2);
        GalaxyBuckets buckets = new GalaxyBuckets(2);
        String first = "g0";
        String other = java.util.stream.IntStream.range(1, 100).mapToObj(i -> "g" + i)
                .filter(id -> !buckets.getKey(galaxy(id)).equals(buckets.getKey(galaxy(first))))
                .findFirst().orElseThrow();
        harness.setProcessingTime(0);
        harness.processElement(galaxy(first), 0);
        harness.setProcessingTime(60);
        harness.processElement(galaxy(other), 0);
        assertEquals(2, harness.numProcessingTimeTimers());

        harness.setProcessingTime(100);
        assertEquals(List.of(List.of(first)), harness.extractOutputValues().stream().map(MicroBatcherTest::ids).toList());
        assertEquals(1, harness.numProcessingTimeTimers(), "the other bucket still waits");

        harness.setProcessingTime(160);
        assertEquals(List.of(List.of(first), List.of(other)),
                harness.extractOutputValues().stream().map(MicroBatcherTest::ids).toList());
        assertEquals(0, harness.numKeyedStateEntries());
    }

    @Test
    void bufferedGalaxiesAndTheirTimerSurviveARestoreFromCheckpoint() throws Exception {
        open(1);
        harness.setProcessingTime(0);
        harness.processElement(galaxy("a"), 0);
        harness.processElement(galaxy("b"), 0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 0L);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new MicroBatcher(BATCH_SIZE, MAX_DELAY)), new GalaxyBuckets(1), Types.INT);
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        assertEquals(1, harness.numProcessingTimeTimers());

        harness.setProcessingTime(100);

        List<GalaxyBatch> out = harness.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals(List.of("a", "b"), ids(out.get(0)));
        assertEquals(galaxy("a").bands(), out.get(0).galaxies().get(0).galaxy().bands());
        assertEquals(0, harness.numKeyedStateEntries());
    }

    @Test
    void batchesTravelWithFlinksOwnSerializersNotKryo() throws Exception {
        TypeInformation<GalaxyBatch> type = TypeInformation.of(GalaxyBatch.class);
        assertFalse(type instanceof GenericTypeInfo || type.toString().contains("GenericType"),
                "part of GalaxyBatch would fall back to Kryo: " + type);
        TypeSerializer<GalaxyBatch> serializer = type.createSerializer(new SerializerConfigImpl());
        GalaxyBatch batch = new GalaxyBatch(List.of(new QueuedGalaxy(galaxy("x", 1.25), 7L)), 9L);

        DataOutputSerializer bytes = new DataOutputSerializer(256);
        serializer.serialize(batch, bytes);
        GalaxyBatch copy = serializer.deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()));

        assertNotEquals(0, bytes.length());
        assertEquals(batch.flushedAtMillis(), copy.flushedAtMillis());
        ValidGalaxy original = batch.galaxies().get(0).galaxy();
        ValidGalaxy restored = copy.galaxies().get(0).galaxy();
        assertEquals(original.galaxyId(), restored.galaxyId());
        assertEquals(original.bands(), restored.bands());
        assertEquals(original.attributes(), restored.attributes());
        assertEquals(original.specZ(), restored.specZ());
        assertEquals(7L, copy.galaxies().get(0).queuedAtMillis());
    }
}
