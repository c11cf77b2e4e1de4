package org.popstream.job.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.testing.ArithmeticFitter;
import org.popstream.job.testing.PhotometryEvents;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectReason;
import org.popstream.testing.SharedPaths;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;

/** The programmatic entry the local demo uses: start on a MiniCluster, wait for committed results. */
// every wait bounded: a local broker and MiniCluster: a lost record fails, never hangs the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalPopstreamTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static PopstreamJobConfig config(String name) {
        PopstreamJobConfig config = JobConfigParser.parse(Map.of(
                JobConfigParser.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers(),
                JobConfigParser.MODELS_DIR, SharedPaths.models().toString(),
                JobConfigParser.GROUP_ID, name,
                JobConfigParser.TOPIC_PHOTOMETRY, name + ".photometry",
                JobConfigParser.TOPIC_POSTERIORS, name + ".posteriors",
                JobConfigParser.TOPIC_REJECTED, name + ".rejected",
                JobConfigParser.CHECKPOINT_INTERVAL_MS, "300",
                JobConfigParser.BATCH_MAX_DELAY_MS, "100"));
        KAFKA.createTopics(1, config.topics().photometry(), config.topics().posteriors(), config.topics().rejected());
        return config;
    }

    private static void produce(PopstreamJobConfig config, List<String> ids) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(KAFKA.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String id : ids) {
                producer.send(new ProducerRecord<>(config.topics().photometry(), id.getBytes(StandardCharsets.UTF_8),
                        PhotometryEvents.encode(PhotometryEvents.valid(id).build())));
            }
        }
    }

    @Test
    void startsTheJobAndReportsWhenSummariesAreCommitted() throws Exception {
        PopstreamJobConfig config = config("local");
        produce(config, List.of("a", "b", "c"));
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(KAFKA.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topics().photometry(), new byte[] {1, 2, 3}));
        }

        try (LocalPopstream job = LocalPopstream.start(config, placement -> new ArithmeticFitter(), 0)) {
            List<PosteriorSummary> summaries = job.awaitSummaries(3, Duration.ofSeconds(90));

            assertEquals(Set.of("a", "b", "c"), summaries.stream().map(PosteriorSummary::getGalaxyId).collect(Collectors.toSet()));
            assertEquals(RejectReason.NOT_AVRO, job.awaitRejected(1, Duration.ofSeconds(90)).get(0).getReason());
            assertEquals(JobStatus.RUNNING, job.status());
        }
    }

    @Test
    void aStoppedJobStartedAgainResumesFromItsRetainedCheckpointWithoutLossOrDuplicates(@TempDir Path state)
            throws Exception {
        PopstreamJobConfig config = config("resume");
        produce(config, List.of("r1", "r2", "r3"));
        try (LocalPopstream first = LocalPopstream.start(config, placement -> new ArithmeticFitter(), 0, state)) {
            first.awaitSummaries(3, Duration.ofSeconds(90));
        }
        assertTrue(RetainedCheckpoints.latest(state).isPresent(), "the cancelled job left its checkpoint");

        produce(config, List.of("r4", "r5"));
        List<PosteriorSummary> all;
        try (LocalPopstream second = LocalPopstream.start(config, placement -> new ArithmeticFitter(), 0, state);
                var committed = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().posteriors(),
                        PosteriorSummary.class)) {
            second.awaitSummaries(5, Duration.ofSeconds(90));
            second.close();
            all = committed.readToEnd(Duration.ofSeconds(60));
        }

        assertEquals(List.of("r1", "r2", "r3", "r4", "r5"),
                all.stream().map(PosteriorSummary::getGalaxyId).sorted().toList(), "each galaxy exactly once");
    }
}
