package org.popstream.job.source;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The KafkaSource's deserialiser. It never throws (a throwing deserialiser restarts the job and
 * meets the same record again: a crash loop); undecodable records flow on as rejections.
 */
public final class PhotometryDeserializer implements KafkaRecordDeserializationSchema<IncomingPhotometry> {

    private final int maxRecordBytes;
    private transient PhotometryDecoding decoding;

    public PhotometryDeserializer(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoding = new PhotometryDecoding(maxRecordBytes);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<IncomingPhotometry> out) {
        if (decoding == null) {
            decoding = new PhotometryDecoding(maxRecordBytes);
        }
        out.collect(decoding.decode(record.topic(), record.partition(), record.offset(), record.value()));
    }

    @Override
    public TypeInformation<IncomingPhotometry> getProducedType() {
        return TypeInformation.of(IncomingPhotometry.class);
    }
}
