package org.popstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.inference.FitterPlacement;
import org.popstream.job.inference.TensorFlowFitterFactory;
import org.popstream.job.local.CommittedRecords;
import org.popstream.job.sinks.PopstreamSinks;
import org.popstream.job.source.PhotometrySource;
import org.popstream.job.testing.PhotometryEvents;
import org.popstream.job.validation.PhotometryRules;
import org.popstream.job.validation.SurveyBands;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.testing.SharedPaths;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;

/**
 * Kafka → Flink → real TensorFlow fitter → Kafka, with tiny sampler settings, against the same
 * fitter called directly on all galaxies at once (what {@code popstream fit} does): a galaxy's
 * posterior must not depend on how the stream happened to batch it.
 */
// every wait bounded: real TensorFlow fits on a shared 2-core machine; a lost record fails, never hangs the build
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StreamingMatchesBatchFitTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final List<String> IDS = List.of("tf-a", "tf-b");

    private static PhotometryEvent event(String id, int index) {
        PhotometryEvent event = PhotometryEvents.valid(id).build();
        List<BandMeasurement> bands = event.getBands().stream()
                .map(b -> PhotometryEvents.band(b.getBand(), b.getFlux() * (1 + 0.5 * index), b.getFluxError()))
                .toList();
        event.setBands(bands);
        return event;
    }

    @Test
    void streamedPosteriorsEqualABatchFitOfTheSameGalaxies() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put(JobConfigParser.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        settings.put(JobConfigParser.MODELS_DIR, SharedPaths.models().toString());
        // one galaxy per streamed batch; the direct fit takes both at once
        settings.put(JobConfigParser.BATCH_SIZE, "1");
        settings.put(JobConfigParser.BATCH_MAX_DELAY_MS, "200");
        settings.put(JobConfigParser.CHECKPOINT_INTERVAL_MS, "500");
        settings.put(JobConfigParser.SAMPLER_WALKERS, "16");
        settings.put(JobConfigParser.SAMPLER_STEPS, "40");
        settings.put(JobConfigParser.SAMPLER_BURN, "20");
        settings.put(JobConfigParser.SAMPLER_THIN, "5");
        settings.put(JobConfigParser.SAMPLER_SEED, "11");
        settings.put(JobConfigParser.SAMPLER_THREADS, "1");
        settings.put(JobConfigParser.INIT_BANK, "128");
        settings.put(JobConfigParser.INIT_STARTS, "1");
        settings.put(JobConfigParser.INIT_OPTIMISE, "false");
        // one step per TensorFlow run: compiling the unrolled default graph dominates a test this small
        settings.put(JobConfigParser.SAMPLER_STEPS_PER_RUN, "1");
        settings.put(JobConfigParser.BATCH_BUCKETS, "1");
        PopstreamJobConfig config = JobConfigParser.parse(settings);
        KAFKA.createTopics(1, config.topics().photometry(), config.topics().posteriors(), config.topics().rejected());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(KAFKA.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < IDS.size(); i++) {
                producer.send(new ProducerRecord<>(config.topics().photometry(), IDS.get(i).getBytes(StandardCharsets.UTF_8),
                        PhotometryEvents.encode(event(IDS.get(i), i))));
            }
        }

        TensorFlowFitterFactory fitters = new TensorFlowFitterFactory(config);
        JobClient job = new PopstreamJob(config, PhotometrySource.kafka(config), PopstreamSinks.kafka(config), fitters)
                .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment());
        Map<String, PosteriorSummary> streamed;
        try (var posteriors = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().posteriors(),
                PosteriorSummary.class)) {
            streamed = posteriors.awaitAtLeast(IDS.size(), Duration.ofMinutes(3)).stream()
                    .collect(Collectors.toMap(PosteriorSummary::getGalaxyId, Function.identity()));
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }

        PhotometryRules rules = new PhotometryRules(SurveyBands.builtIn(), config.minUsableBands());
        List<GalaxyPhotometry> batch = IDS.stream()
                .map(id -> new GalaxyPhotometry(id, rules.check(event(id, IDS.indexOf(id))).usableBands(),
                        PhotometryEvents.valid(id).build().getAttributes()))
                .toList();
        List<PosteriorResult> direct;
        String modelVersion;
        try (GalaxyFitter fitter = fitters.create(FitterPlacement.cpu())) {
            direct = fitter.fit(batch);
            modelVersion = fitter.modelVersion();
        }

        assertEquals(IDS.size(), streamed.size());
        for (PosteriorResult expected : direct) {
            PosteriorSummary actual = streamed.get(expected.galaxyId());
            assertEquals(expected.quantities().size(), actual.getQuantities().size());
            for (int q = 0; q < expected.quantities().size(); q++) {
                PosteriorResult.QuantitySummary e = expected.quantities().get(q);
                QuantitySummary a = actual.getQuantities().get(q);
                assertEquals(e.name(), a.getName());
                assertEquals(e.p16(), a.getP16(), expected.galaxyId() + " " + e.name() + " p16");
                assertEquals(e.p50(), a.getP50(), expected.galaxyId() + " " + e.name() + " p50");
                assertEquals(e.p84(), a.getP84(), expected.galaxyId() + " " + e.name() + " p84");
                assertEquals(e.mean(), a.getMean(), expected.galaxyId() + " " + e.name() + " mean");
            }
            assertEquals(expected.acceptance(), actual.getAcceptance());
            assertEquals(expected.nBands(), actual.getNBands());
            assertEquals(modelVersion, actual.getModelVersion());
        }
    }
}
