package org.popstream.job.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.sampler.SamplerSettings;

class JobConfigParserTest {

    @TempDir Path models;

    private Map<String, String> minimal() {
        Map<String, String> settings = new HashMap<>();
        settings.put(JobConfigParser.BOOTSTRAP_SERVERS, "localhost:9092");
        settings.put(JobConfigParser.MODELS_DIR, models.toString());
        return settings;
    }

    @Test
    void minimalSettingsTakeTheDocumentedDefaults() {
        PopstreamJobConfig config = JobConfigParser.parse(minimal());

        assertEquals("localhost:9092", config.bootstrapServers());
        assertEquals(TopicNames.DEFAULT_PHOTOMETRY, config.topics().photometry());
        assertEquals(TopicNames.DEFAULT_REJECTED, config.topics().rejected());
        assertTrue(config.topics().samplesTopic().isEmpty(), "samples are off by default");
        assertEquals(Integer.parseInt(JobConfigParser.DEFAULTS.get(JobConfigParser.BATCH_SIZE)), config.batchSize());
        assertEquals(4 * config.parallelism(), config.batchBuckets());
        assertEquals(models.toAbsolutePath().normalize().toString(), config.modelsDir());
    }

    @Test
    void explicitValuesAreTyped() {
        Map<String, String> settings = minimal();
        settings.put(JobConfigParser.BATCH_MAX_DELAY_MS, "250");
        settings.put(JobConfigParser.SAMPLER_WALKERS, "16");
        settings.put(JobConfigParser.SAMPLER_STEPS, "40");
        settings.put(JobConfigParser.SAMPLER_BURN, "20");
        settings.put(JobConfigParser.SAMPLER_THIN, "5");
        settings.put(JobConfigParser.SAMPLER_SEED, "-7");
        settings.put(JobConfigParser.SAMPLER_ZMAX, "3.5");
        settings.put(JobConfigParser.SAMPLES_ENABLED, "true");
        settings.put(JobConfigParser.PARALLELISM, "3");

        PopstreamJobConfig config = JobConfigParser.parse(settings);
        settings.put(JobConfigParser.BATCH_BUCKETS, "5");
        assertEquals(5, JobConfigParser.parse(settings).batchBuckets());

        assertEquals(Duration.ofMillis(250), config.maxBatchDelay());
        assertEquals(new FitSettings(new SamplerSettings(16, 40, 20, 5, 10, false, 50),
                new InitialisationSettings(16384, 4, true, 250, true), -7, 2, true, 32), config.fit());
        assertEquals(3.5, config.zmax());
        assertEquals(TopicNames.DEFAULT_SAMPLES, config.topics().samples());
        assertEquals(12, config.batchBuckets());
    }

    @ParameterizedTest
    @CsvSource({
        "bootstrap.servers, localhost",
        "bootstrap.servers, host:port",
        "batch.size, 0",
        "batch.size, many",
        "batch.max-delay-ms, -1",
        "batch.buckets, 0",
        "sampler.walkers, 15",
        "sampler.burn, 1000",
        "sampler.thin, 0",
        "sampler.thin, 501",
        "sampler.zmax, 7",
        "sampler.seed, 1.5",
        "sampler.steps-per-run, 0",
        "sampler.early-stop, maybe",
        "sampler.early-stop-factor, 0",
        "sampler.threads, 0",
        "init.bank, 0",
        "init.starts, 20000",
        "init.adam-steps, -1",
        "init.optimise, 1",
        "samples.enabled, yes",
        "parallelism, 0",
        "max.record.bytes, 0",
        "min.usable.bands, -2",
        "models.dir, /definitely/not/here",
        "topic.rejected, '  '",
    })
    void badValueIsReportedUnderItsKey(String key, String value) {
        Map<String, String> settings = minimal();
        settings.put(key, value);

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> JobConfigParser.parse(settings));

        assertEquals(key, error.key());
        assertTrue(error.getMessage().contains(key), error.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() {
        Map<String, String> settings = minimal();
        settings.remove(JobConfigParser.BOOTSTRAP_SERVERS);

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> JobConfigParser.parse(settings));

        assertEquals(JobConfigParser.BOOTSTRAP_SERVERS, error.key());
    }

    @Test
    void unknownKeyIsAnErrorNotASilentDefault() {
        Map<String, String> settings = minimal();
        settings.put("batch.sise", "8");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> JobConfigParser.parse(settings));

        assertEquals("batch.sise", error.key());
    }

    @Test
    void kafkaPrefixedKeysPassThroughToClients() {
        Map<String, String> settings = minimal();
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", "PLAIN");

        PopstreamJobConfig config = JobConfigParser.parse(settings);

        assertEquals("SASL_SSL", config.kafkaClientProperties().getProperty("security.protocol"));
        assertEquals("PLAIN", config.kafkaClientProperties().getProperty("sasl.mechanism"));
        assertEquals("localhost:9092", config.kafkaClientProperties().getProperty("bootstrap.servers"));
    }

    @Test
    void settingsTheJobOwnsCannotBeOverridden() {
        Map<String, String> settings = minimal();
        settings.put("kafka.isolation.level", "read_uncommitted");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> JobConfigParser.parse(settings));

        assertEquals("kafka.isolation.level", error.key());
    }

    @Test
    void secretsNeverAppearInTheDescription() {
        Map<String, String> settings = minimal();
        settings.put("kafka.sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"hunter2\";");
        settings.put("kafka.ssl.keystore.password", "storepass-xyz");
        settings.put("kafka.client.secret", "s3cr3t");
        settings.put("kafka.security.protocol", "SASL_SSL");

        String description = JobConfigParser.parse(settings).toString();

        assertFalse(description.contains("hunter2"), description);
        assertFalse(description.contains("storepass-xyz"), description);
        assertFalse(description.contains("s3cr3t"), description);
        assertTrue(description.contains("SASL_SSL"), "non-secret settings stay visible: " + description);
        assertTrue(description.contains("sasl.jaas.config=" + SecretMasking.MASK), description);
    }

    @Test
    void samplesTopicIsAbsentUnlessEnabled() {
        Map<String, String> settings = minimal();
        settings.put(JobConfigParser.TOPIC_SAMPLES, "my.samples");

        assertNull(JobConfigParser.parse(settings).topics().samples());
    }
}
