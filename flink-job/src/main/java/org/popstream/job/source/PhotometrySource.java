package org.popstream.job.source;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.popstream.job.config.PopstreamJobConfig;

/** The photometry topic as a Flink source. */
public final class PhotometrySource {

    private PhotometrySource() {}

    /**
     * Reads from the group's committed offsets (the earliest offset on first start). Offsets of
     * record are Flink's checkpoints; the committed group offsets only show progress to tools.
     */
    @SuppressWarnings("deprecation") // Kafka 4 deprecates OffsetResetStrategy; connector 5.0 still takes it
    public static KafkaSource<IncomingPhotometry> kafka(PopstreamJobConfig config) {
        return KafkaSource.<IncomingPhotometry>builder()
                .setProperties(config.kafkaClientProperties())
                .setBootstrapServers(config.bootstrapServers())
                .setTopics(config.topics().photometry())
                .setGroupId(config.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                // producers replaying catalogues may be transactional: never read aborted data
                .setProperty("isolation.level", "read_committed")
                .setDeserializer(new PhotometryDeserializer(config.maxRecordBytes()))
                .build();
    }
}
