package org.popstream.job.sinks;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.popstream.schemas.encoding.AvroCodec;

/**
 * Writes one Avro record type to one topic: key = galaxy id (UTF-8; none if unknown), value =
 * single-object encoding, timestamp = the record's own time. Flink's element timestamp is never
 * used: records without one arrive as {@code Long.MAX_VALUE}, which Kafka 4 rejects.
 */
public final class KeyedAvroSerializer<T extends SpecificRecord> implements KafkaRecordSerializationSchema<T> {

    private final Class<T> recordClass;
    private final String topic;
    private final SerializableFunction<T, String> key;
    private final SerializableFunction<T, Long> timestampMillis;
    private transient AvroCodec<T> codec;

    /**
     * @param timestampMillis the record's time, or a function returning {@code null} to let the
     *                        producer stamp the send time
     */
    public KeyedAvroSerializer(Class<T> recordClass, String topic, SerializableFunction<T, String> key,
            SerializableFunction<T, Long> timestampMillis) {
        this.recordClass = recordClass;
        this.topic = topic;
        this.key = key;
        this.timestampMillis = timestampMillis;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        codec = AvroCodec.of(recordClass);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long flinkTimestamp) {
        if (codec == null) {
            codec = AvroCodec.of(recordClass);
        }
        String id = key.apply(element);
        byte[] keyBytes = id == null ? null : id.getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, timestampMillis.apply(element), keyBytes, codec.encode(element));
    }
}
