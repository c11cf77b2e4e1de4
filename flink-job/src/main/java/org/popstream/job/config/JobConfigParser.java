package org.popstream.job.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.settings.FitOptions;
import org.popstream.inference.settings.InvalidSettingException;
import org.popstream.inference.settings.Setting;
import org.popstream.inference.settings.SettingValues;

/**
 * Turns flat {@code key=value} settings (from the command line or a properties file) into a
 * validated {@link PopstreamJobConfig}. The keys, defaults and checks are the declarations of
 * {@link JobOptions} and {@link FitOptions}; every problem names its key; unknown keys are errors so
 * a typo never silently falls back to a default. Keys starting with {@code kafka.} are passed to the
 * Kafka clients with the prefix removed (e.g. {@code kafka.security.protocol=SASL_SSL}).
 */
public final class JobConfigParser {

    public static final String BOOTSTRAP_SERVERS = JobOptions.BOOTSTRAP_SERVERS.key();
    public static final String TOPIC_PHOTOMETRY = JobOptions.TOPIC_PHOTOMETRY.key();
    public static final String TOPIC_POSTERIORS = JobOptions.TOPIC_POSTERIORS.key();
    public static final String TOPIC_REJECTED = JobOptions.TOPIC_REJECTED.key();
    public static final String TOPIC_SAMPLES = JobOptions.TOPIC_SAMPLES.key();
    public static final String SAMPLES_ENABLED = JobOptions.SAMPLES_ENABLED.key();
    public static final String GROUP_ID = JobOptions.GROUP_ID.key();
    public static final String BATCH_SIZE = JobOptions.BATCH_SIZE.key();
    public static final String BATCH_MAX_DELAY_MS = JobOptions.BATCH_MAX_DELAY_MS.key();
    public static final String BATCH_BUCKETS = JobOptions.BATCH_BUCKETS.key();
    public static final String ASYNC_CAPACITY = JobOptions.ASYNC_CAPACITY.key();
    public static final String INFERENCE_TIMEOUT_MS = JobOptions.INFERENCE_TIMEOUT_MS.key();
    public static final String SAMPLER_WALKERS = FitOptions.WALKERS.key();
    public static final String SAMPLER_STEPS = FitOptions.STEPS.key();
    public static final String SAMPLER_BURN = FitOptions.BURN.key();
    public static final String SAMPLER_THIN = FitOptions.THIN.key();
    public static final String SAMPLER_SEED = FitOptions.SEED.key();
    public static final String SAMPLER_ZMAX = FitOptions.ZMAX.key();
    public static final String SAMPLER_STEPS_PER_RUN = FitOptions.STEPS_PER_RUN.key();
    public static final String SAMPLER_EARLY_STOP = FitOptions.EARLY_STOP.key();
    public static final String SAMPLER_EARLY_STOP_FACTOR = FitOptions.EARLY_STOP_FACTOR.key();
    public static final String SAMPLER_THREADS = FitOptions.THREADS.key();
    public static final String INIT_BANK = FitOptions.BANK.key();
    public static final String INIT_STARTS = FitOptions.STARTS.key();
    public static final String INIT_OPTIMISE = FitOptions.OPTIMISE.key();
    public static final String INIT_ADAM_STEPS = FitOptions.ADAM_STEPS.key();
    public static final String INIT_ANNEAL = FitOptions.ANNEAL.key();
    public static final String MODELS_DIR = JobOptions.MODELS_DIR.key();
    public static final String CHECKPOINT_INTERVAL_MS = JobOptions.CHECKPOINT_INTERVAL_MS.key();
    public static final String PARALLELISM = JobOptions.PARALLELISM.key();
    public static final String MAX_RECORD_BYTES = JobOptions.MAX_RECORD_BYTES.key();
    public static final String MIN_USABLE_BANDS = JobOptions.MIN_USABLE_BANDS.key();
    public static final String KAFKA_PREFIX = "kafka.";

    /** Every setting the job reads, by key. */
    public static final Map<String, Setting<?>> SETTINGS = byKey();

    /** Defaults of every optional key with a fixed default, as text; derived from the declarations. */
    public static final Map<String, String> DEFAULTS = defaults();

    /** Kafka settings the job owns; letting them through would break exactly-once or the topology. */
    private static final List<String> RESERVED_KAFKA_KEYS = List.of(
            "bootstrap.servers", "group.id", "key.deserializer", "value.deserializer", "key.serializer",
            "value.serializer", "transactional.id", "enable.auto.commit", "isolation.level");

    private JobConfigParser() {}

    private static Map<String, Setting<?>> byKey() {
        List<Setting<?>> all = new ArrayList<>(JobOptions.ALL);
        all.addAll(FitOptions.SAMPLER);
        all.addAll(FitOptions.INITIALISATION);
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        all.forEach(s -> byKey.put(s.key(), s));
        return Collections.unmodifiableMap(byKey);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        SETTINGS.values().stream().filter(Setting::hasDefault).forEach(s -> d.put(s.key(), s.defaultText()));
        return Collections.unmodifiableMap(d);
    }

    public static PopstreamJobConfig parse(Map<String, String> settings) {
        Map<String, String> kafka = new HashMap<>();
        Map<String, String> text = new HashMap<>();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(KAFKA_PREFIX)) {
                String clientKey = key.substring(KAFKA_PREFIX.length());
                if (RESERVED_KAFKA_KEYS.contains(clientKey)) {
                    throw new InvalidConfigException(key, "is set by the job itself and cannot be overridden");
                }
                kafka.put(clientKey, entry.getValue());
            } else if (SETTINGS.containsKey(key)) {
                text.put(key, entry.getValue());
            } else {
                throw new InvalidConfigException(key, "unknown key (Kafka client settings take the prefix '"
                        + KAFKA_PREFIX + "')");
            }
        }
        for (Setting<?> required : List.of(JobOptions.BOOTSTRAP_SERVERS, JobOptions.MODELS_DIR)) {
            if (!text.containsKey(required.key()) || text.get(required.key()) == null || text.get(required.key()).isBlank()) {
                throw new InvalidConfigException(required.key(), "is required");
            }
        }
        try {
            return build(new Values(text), kafka);
        } catch (InvalidSettingException e) {
            throw new InvalidConfigException(e.setting().key(), e.problem());
        }
    }

    private static PopstreamJobConfig build(Values v, Map<String, String> kafka) {
        int parallelism = v.get(JobOptions.PARALLELISM);
        boolean samples = v.get(JobOptions.SAMPLES_ENABLED);
        TopicNames topics = new TopicNames(v.get(JobOptions.TOPIC_PHOTOMETRY), v.get(JobOptions.TOPIC_POSTERIORS),
                v.get(JobOptions.TOPIC_REJECTED), samples ? v.get(JobOptions.TOPIC_SAMPLES) : null);
        FitSettings fit = FitOptions.fitSettings(v, samples, v.get(JobOptions.BATCH_SIZE));
        Integer buckets = v.get(JobOptions.BATCH_BUCKETS);
        return new PopstreamJobConfig(
                v.get(JobOptions.BOOTSTRAP_SERVERS),
                topics,
                v.get(JobOptions.GROUP_ID),
                Duration.ofMillis(v.get(JobOptions.BATCH_MAX_DELAY_MS)),
                buckets != null ? buckets : 4 * parallelism,
                v.get(JobOptions.ASYNC_CAPACITY),
                Duration.ofMillis(v.get(JobOptions.INFERENCE_TIMEOUT_MS)),
                fit,
                v.get(FitOptions.ZMAX),
                modelsDir(v.get(JobOptions.MODELS_DIR)),
                Duration.ofMillis(v.get(JobOptions.CHECKPOINT_INTERVAL_MS)),
                parallelism,
                v.get(JobOptions.MAX_RECORD_BYTES),
                v.get(JobOptions.MIN_USABLE_BANDS),
                kafka);
    }

    private static String modelsDir(String text) {
        Path dir = Path.of(text).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidConfigException(MODELS_DIR, "not a directory: " + dir);
        }
        return dir.toString();
    }

    /** The given text of each key, parsed and checked by its declaration; absent keys take the declared default. */
    private record Values(Map<String, String> text) implements SettingValues {

        @Override
        public <T> T get(Setting<T> setting) {
            String given = text.get(setting.key());
            return given == null ? setting.defaultValue() : setting.parse(given);
        }

        @Override
        public Function<Setting<?>, String> naming() {
            return Setting::key;
        }
    }
}
