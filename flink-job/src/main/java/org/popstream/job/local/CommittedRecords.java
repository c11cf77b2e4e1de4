package org.popstream.job.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.popstream.schemas.encoding.AvroCodec;

/**
 * Reads what the job committed to one output topic, as a downstream consumer sees it
 * ({@code isolation.level=read_committed}: records of open or aborted transactions are invisible).
 * Used by the local runner to know when results are in, and by tests to audit exactly-once.
 */
public final class CommittedRecords<T extends SpecificRecord> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroCodec<T> codec;
    private final List<TopicPartition> partitions;
    private final List<T> read = new ArrayList<>();

    public CommittedRecords(Properties clientProperties, String topic, Class<T> recordClass) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.setProperty("isolation.level", "read_committed");
        properties.setProperty("enable.auto.commit", "false");
        properties.setProperty("auto.offset.reset", "earliest");
        properties.remove("group.id");
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        codec = AvroCodec.of(recordClass);
    }

    /** Everything read so far, once at least {@code n} committed records have been read. */
    public List<T> awaitAtLeast(int n, Duration timeout) throws TimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        while (read.size() < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException(read.size() + " of " + n + " committed records within " + timeout);
            }
            pollOnce();
        }
        return List.copyOf(read);
    }

    /** Everything read so far after polling for {@code wait}: for watching progress without a target count. */
    public List<T> readFor(Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        do {
            pollOnce();
        } while (Instant.now().isBefore(deadline));
        return List.copyOf(read);
    }

    /** Everything committed up to now: reads until the last stable offset of every partition. */
    public List<T> readToEnd(Duration timeout) throws TimeoutException {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(timeout);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("end of committed data not reached within " + timeout);
            }
            pollOnce();
        }
        return List.copyOf(read);
    }

    private void pollOnce() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            read.add(codec.decode(record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
