package org.popstream.kafka.tail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.popstream.schemas.encoding.AvroCodec;
import org.popstream.schemas.encoding.AvroDecodingException;

/**
 * Reads a result topic with isolation level read_committed — only what the job's exactly-once
 * sink committed — across all its partitions. Tails are observers: no consumer group, no
 * committed offsets. {@link #stop()} may be called from another thread (Ctrl-C).
 */
public final class ResultTailer<T> implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final AvroCodec<T> codec;

    public ResultTailer(String bootstrapServers, String topic, AvroCodec<T> codec) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "popstream-tail"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.codec = codec;
    }

    /**
     * Reads until {@code settings} say stop or {@link #stop()} is called.
     *
     * @throws IllegalStateException when the topic does not exist or the broker does not answer
     */
    public TailReport run(TailSettings settings, TailListener<T> listener) {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        if (settings.fromBeginning()) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix "the end" now, not at the first poll
        }
        long records = 0;
        long undecodable = 0;
        long lastRecordNanos = System.nanoTime();
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    try {
                        T value = codec.decode(record.value());
                        listener.record(record.key(), value, record.partition(), record.offset());
                        records++;
                    } catch (AvroDecodingException e) {
                        listener.undecodable(record.key(), record.partition(), record.offset(), e.getMessage());
                        undecodable++;
                    }
                    lastRecordNanos = System.nanoTime();
                    if (settings.max().isPresent() && records + undecodable >= settings.max().getAsLong()) {
                        return new TailReport(records, undecodable, TailReport.StopReason.MAX_RECORDS);
                    }
                }
                if (settings.idleTimeout().isPresent()
                        && System.nanoTime() - lastRecordNanos >= settings.idleTimeout().get().toNanos()) {
                    return new TailReport(records, undecodable, TailReport.StopReason.IDLE_TIMEOUT);
                }
            }
        } catch (WakeupException e) {
            return new TailReport(records, undecodable, TailReport.StopReason.STOPPED);
        }
    }

    /** Makes a running {@link #run} return soon; safe from any thread. */
    public void stop() {
        consumer.wakeup();
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no answer about topic " + topic + " within " + METADATA_TIMEOUT.toSeconds()
                    + " s: is Kafka running at the --bootstrap address?", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (start `popstream broker`, or create the popstream topics)");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
