package org.popstream.job.sinks;

import java.util.Optional;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;

/**
 * The job's outputs: summaries, dead letters and (optionally) thinned draws, each an exactly-once
 * transactional Kafka sink. Consumers must read with {@code isolation.level=read_committed} to
 * see each galaxy exactly once.
 */
public record PopstreamSinks(
        Sink<PosteriorSummary> posteriors, Sink<RejectedEvent> rejected, Optional<Sink<PosteriorSamples>> samples) {

    /**
     * Kafka aborts transactions older than this; it must exceed the checkpoint interval plus a
     * restart, and stay within the broker's {@code transaction.max.timeout.ms} (15 min by default,
     * below Flink's own 1 h default, hence set explicitly).
     */
    static final String TRANSACTION_TIMEOUT_MS = String.valueOf(10 * 60 * 1000);

    public static PopstreamSinks kafka(PopstreamJobConfig config) {
        return new PopstreamSinks(
                exactlyOnce(config, "posteriors", new KeyedAvroSerializer<>(PosteriorSummary.class,
                        config.topics().posteriors(), PosteriorSummary::getGalaxyId,
                        s -> s.getTimings().getSummaryEmittedAtMillis())),
                exactlyOnce(config, "rejected", new KeyedAvroSerializer<>(RejectedEvent.class,
                        config.topics().rejected(), RejectedEvent::getGalaxyId, RejectedEvent::getRejectedAtMillis)),
                config.topics().samplesTopic().map(topic -> exactlyOnce(config, "samples",
                        new KeyedAvroSerializer<>(PosteriorSamples.class, topic, PosteriorSamples::getGalaxyId,
                                s -> null))));
    }

    private static <T> Sink<T> exactlyOnce(PopstreamJobConfig config, String output,
            KafkaRecordSerializationSchema<T> serializer) {
        Properties producer = config.kafkaClientProperties();
        producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                // unique per job (group id) and per output, so two jobs never fence each other
                .setTransactionalIdPrefix(config.groupId() + "-" + output)
                .build();
    }
}
