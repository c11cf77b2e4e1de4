package org.popstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.inference.GalaxyFitterFactory;
import org.popstream.job.local.CommittedRecords;
import org.popstream.job.sinks.PopstreamSinks;
import org.popstream.job.source.PhotometrySource;
import org.popstream.job.testing.ArithmeticFitter;
import org.popstream.job.testing.PhotometryEvents;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;
import org.popstream.testing.SharedPaths;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;

/**
 * The whole topology on a real Flink MiniCluster against a real in-process Kafka broker, read
 * back the way downstream consumers read it (read_committed).
 */
// every wait bounded: Kafka and a Flink MiniCluster: a lost record fails the test after the waits below, never hangs the build
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PopstreamJobKafkaTest {

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Duration WAIT = Duration.ofSeconds(90);

    private PopstreamJobConfig config(String name) {
        return config(name, Map.of());
    }

    private PopstreamJobConfig config(String name, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put(JobConfigParser.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        settings.put(JobConfigParser.MODELS_DIR, SharedPaths.models().toString());
        settings.put(JobConfigParser.TOPIC_PHOTOMETRY, name + ".photometry");
        settings.put(JobConfigParser.TOPIC_POSTERIORS, name + ".posteriors");
        settings.put(JobConfigParser.TOPIC_REJECTED, name + ".rejected");
        settings.put(JobConfigParser.GROUP_ID, name);
        settings.put(JobConfigParser.BATCH_SIZE, "4");
        settings.put(JobConfigParser.BATCH_MAX_DELAY_MS, "100");
        settings.put(JobConfigParser.CHECKPOINT_INTERVAL_MS, "300");
        settings.put(JobConfigParser.PARALLELISM, "2");
        settings.put(JobConfigParser.MAX_RECORD_BYTES, "4096");
        PopstreamJobConfig config = JobConfigParser.parse(settings);
        KAFKA.createTopics(2, config.topics().photometry(), config.topics().posteriors(), config.topics().rejected());
        config.topics().samplesTopic().ifPresent(topic -> KAFKA.createTopics(2, topic));
        return config;
    }

    private static JobClient start(PopstreamJobConfig config, GalaxyFitterFactory fitters) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(restarts);
        return new PopstreamJob(config, PhotometrySource.kafka(config), PopstreamSinks.kafka(config), fitters)
                .executeAsync(env);
    }

    private static void produce(PopstreamJobConfig config, Map<String, byte[]> valuesByKey) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(KAFKA.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
            valuesByKey.forEach((key, value) -> producer.send(new ProducerRecord<>(
                    config.topics().photometry(), key.getBytes(StandardCharsets.UTF_8), value)));
            producer.flush();
        }
    }

    private static Map<String, byte[]> validEvents(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toMap(Function.identity(),
                id -> PhotometryEvents.encode(PhotometryEvents.valid(id).build()), (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyValidGalaxyIsSummarisedOnceAndEveryBadOneRejectedWithItsReason() throws Exception {
        PopstreamJobConfig config = config("mixed", Map.of(
                JobConfigParser.SAMPLES_ENABLED, "true", JobConfigParser.TOPIC_SAMPLES, "mixed.samples"));
        int valid = 20;
        Map<String, byte[]> input = validEvents("g-", valid);
        PhotometryEvent noId = PhotometryEvents.valid("").build();
        PhotometryEvent nanFlux = PhotometryEvents.withBand("bad-nan", 0, PhotometryEvents.band("u_megaprime_sagem", Double.NaN, 0.1));
        PhotometryEvent unknownBand = PhotometryEvents.withBand("bad-band", 0, PhotometryEvents.band("lsst_u", 1.0, 0.1));
        input.put("bad-bytes", "definitely not avro".getBytes(StandardCharsets.UTF_8));
        input.put("bad-size", new byte[5000]);
        input.put("bad-id", PhotometryEvents.encode(noId));
        input.put("bad-nan", PhotometryEvents.encode(nanFlux));
        input.put("bad-band", PhotometryEvents.encode(unknownBand));
        input.put(ArithmeticFitter.POISON, PhotometryEvents.encode(PhotometryEvents.valid(ArithmeticFitter.POISON).build()));
        int malformed = 6;
        produce(config, input);

        JobClient job = start(config, placement -> new ArithmeticFitter());
        List<PosteriorSummary> summaries;
        List<RejectedEvent> rejected;
        List<PosteriorSamples> draws;
        try (var samples = new CommittedRecords<>(config.kafkaClientProperties(), "mixed.samples", PosteriorSamples.class);
                var posteriors = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().posteriors(), PosteriorSummary.class);
                var rejects = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().rejected(), RejectedEvent.class)) {
            posteriors.awaitAtLeast(valid, WAIT);
            rejects.awaitAtLeast(malformed, WAIT);
            assertMetricsCountedEverything(job.getJobID(), input.size(), valid);
            job.cancel().get(1, TimeUnit.MINUTES);
            summaries = posteriors.readToEnd(WAIT);
            rejected = rejects.readToEnd(WAIT);
            draws = samples.readToEnd(WAIT);
        }

        assertEquals(input.size() - malformed, summaries.size());
        assertEquals(new TreeSet<>(validEvents("g-", valid).keySet()),
                summaries.stream().map(PosteriorSummary::getGalaxyId).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(malformed, rejected.size());
        assertEquals(Set.of(RejectReason.NOT_AVRO, RejectReason.RECORD_TOO_LARGE, RejectReason.MISSING_GALAXY_ID,
                        RejectReason.NON_FINITE_FLUX, RejectReason.UNKNOWN_BAND, RejectReason.INFERENCE_FAILED),
                rejected.stream().map(RejectedEvent::getReason).collect(Collectors.toSet()));
        assertEquals(summaries.stream().map(PosteriorSummary::getGalaxyId).collect(Collectors.toSet()),
                draws.stream().map(PosteriorSamples::getGalaxyId).collect(Collectors.toSet()),
                "thinned draws for exactly the summarised galaxies");
        PosteriorSummary first = summaries.get(0);
        assertEquals(ArithmeticFitter.MODEL_VERSION, first.getModelVersion());
        assertTrue(first.getTimings().getSummaryEmittedAtMillis() >= first.getTimings().getQueuedAtMillis());
    }

    /** The dashboard's view of the same run: every subtask's counters summed. */
    private static void assertMetricsCountedEverything(JobID job, int events, int fitted) {
        Map<String, Metric> metrics = METRICS.getMetricsByIdentifiers(job);
        assertEquals(events, counterSum(metrics, ".eventsIn"));
        assertEquals(1, counterSum(metrics, ".rejected.reason.NOT_AVRO.count"));
        assertEquals(1, counterSum(metrics, ".rejected.reason.RECORD_TOO_LARGE.count"));
        assertEquals(0, counterSum(metrics, ".rejected.reason.DUPLICATE_BAND.count"));
        assertEquals(fitted, counterSum(metrics, ".galaxiesFitted"));
        assertEquals(1, counterSum(metrics, ".inferenceFailures"));
        long batchedGalaxies = metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".batchSize"))
                .mapToLong(e -> Math.round(((Histogram) e.getValue()).getStatistics().getMean()
                        * ((Histogram) e.getValue()).getCount()))
                .sum();
        assertEquals(fitted + 1, batchedGalaxies, "batch sizes add up to the galaxies that reached inference");
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.endsWith(".meanAcceptance")));
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.endsWith(".galaxiesPerSecond")));
        assertTrue(metrics.keySet().stream().anyMatch(k -> k.endsWith(".inFlightBatches")));
    }

    private static long counterSum(Map<String, Metric> metrics, String suffix) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }

    @Test
    void afterACrashTheJobRestartsFromItsCheckpointAndCommitsEachGalaxyExactlyOnce(@TempDir Path dir) throws Exception {
        PopstreamJobConfig config = config("failover");
        Path armed = dir.resolve("armed");
        Path crashed = dir.resolve("crashed");
        Map<String, byte[]> before = validEvents("early-", 12);
        Map<String, byte[]> after = validEvents("late-", 12);

        JobClient job = start(config, new CrashOnceFitterFactory(armed.toString(), crashed.toString()));
        List<PosteriorSummary> summaries;
        try (var posteriors = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().posteriors(), PosteriorSummary.class)) {
            produce(config, before);
            // committed output exists only once a checkpoint completed: the crash comes after it
            posteriors.awaitAtLeast(before.size(), WAIT);
            Files.createFile(armed);
            produce(config, after);
            posteriors.awaitAtLeast(before.size() + after.size(), WAIT);
            job.cancel().get(1, TimeUnit.MINUTES);
            summaries = posteriors.readToEnd(WAIT);
        }

        assertTrue(Files.exists(crashed), "the job crashed once after its first checkpoint");
        Map<String, Long> copies = summaries.stream()
                .collect(Collectors.groupingBy(PosteriorSummary::getGalaxyId, TreeMap::new, Collectors.counting()));
        List<String> expected = new ArrayList<>(before.keySet());
        expected.addAll(after.keySet());
        assertEquals(new TreeSet<>(expected), copies.keySet());
        assertTrue(copies.values().stream().allMatch(c -> c == 1), "duplicates in committed output: " + copies);
    }

    /**
     * Fitters that crash the task (an Error, as a native crash would) on their first batch once the
     * test has armed the crash, then never again: the marker file is the "static-free" memory that
     * survives the restart.
     */
    private record CrashOnceFitterFactory(String armedFile, String crashedFile) implements GalaxyFitterFactory {
        @Override
        public GalaxyFitter create(org.popstream.job.inference.FitterPlacement placement) {
            ArithmeticFitter inner = new ArithmeticFitter();
            return new GalaxyFitter() {
                @Override
                public List<PosteriorResult> fit(List<GalaxyPhotometry> batch) {
                    if (Files.exists(Path.of(armedFile)) && !Files.exists(Path.of(crashedFile))) {
                        try {
                            Files.createFile(Path.of(crashedFile));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        throw new SimulatedCrash();
                    }
                    return inner.fit(batch);
                }

                @Override
                public String modelVersion() {
                    return inner.modelVersion();
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }

    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated native crash in the fitter");
        }
    }
}
