package org.popstream.job.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Turns flat {@code key=value} settings (from the command line or a properties file) into a
 * validated {@link PopstreamJobConfig}. Every problem names its key; unknown keys are errors so a
 * typo never silently falls back to a default. Keys starting with {@code kafka.} are passed to the
 * Kafka clients with the prefix removed (e.g. {@code kafka.security.protocol=SASL_SSL}).
 */
public final class JobConfigParser {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PHOTOMETRY = "topic.photometry";
    public static final String TOPIC_POSTERIORS = "topic.posteriors";
    public static final String TOPIC_REJECTED = "topic.rejected";
    public static final String TOPIC_SAMPLES = "topic.samples";
    public static final String SAMPLES_ENABLED = "samples.enabled";
    public static final String GROUP_ID = "group.id";
    public static final String BATCH_SIZE = "batch.size";
    public static final String BATCH_MAX_DELAY_MS = "batch.max-delay-ms";
    public static final String BATCH_BUCKETS = "batch.buckets";
    public static final String ASYNC_CAPACITY = "inference.async-capacity";
    public static final String INFERENCE_TIMEOUT_MS = "inference.timeout-ms";
    public static final String SAMPLER_WALKERS = "sampler.walkers";
    public static final String SAMPLER_STEPS = "sampler.steps";
    public static final String SAMPLER_BURN = "sampler.burn";
    public static final String SAMPLER_THIN = "sampler.thin";
    public static final String SAMPLER_SEED = "sampler.seed";
    public static final String SAMPLER_ZMAX = "sampler.zmax";
    public static final String SAMPLER_STEPS_PER_RUN = "sampler.steps-per-run";
    public static final String SAMPLER_EARLY_STOP = "sampler.early-stop";
    public static final String SAMPLER_EARLY_STOP_FACTOR = "sampler.early-stop-factor";
    public static final String SAMPLER_THREADS = "sampler.threads";
    public static final String INIT_BANK = "init.bank";
    public static final String INIT_STARTS = "init.starts";
    public static final String INIT_OPTIMISE = "init.optimise";
    public static final String INIT_ADAM_STEPS = "init.adam-steps";
    public static final String INIT_ANNEAL = "init.anneal";
    public static final String MODELS_DIR = "models.dir";
    public static final String CHECKPOINT_INTERVAL_MS = "checkpoint.interval-ms";
    public static final String PARALLELISM = "parallelism";
    public static final String MAX_RECORD_BYTES = "max.record.bytes";
    public static final String MIN_USABLE_BANDS = "min.usable.bands";
    public static final String KAFKA_PREFIX = "kafka.";

    /** Defaults of every optional key; bootstrap.servers and models.dir have none. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final List<String> REQUIRED = List.of(BOOTSTRAP_SERVERS, MODELS_DIR);

    /** Optional keys whose default derives from other settings (buckets: 4 per parallel subtask). */
    private static final List<String> DERIVED_DEFAULTS = List.of(BATCH_BUCKETS);

    /** Kafka settings the job owns; letting them through would break exactly-once or the topology. */
    private static final List<String> RESERVED_KAFKA_KEYS = List.of(
            "bootstrap.servers", "group.id", "key.deserializer", "value.deserializer", "key.serializer",
            "value.serializer", "transactional.id", "enable.auto.commit", "isolation.level");

    private JobConfigParser() {}

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(TOPIC_PHOTOMETRY, TopicNames.DEFAULT_PHOTOMETRY);
        d.put(TOPIC_POSTERIORS, TopicNames.DEFAULT_POSTERIORS);
        d.put(TOPIC_REJECTED, TopicNames.DEFAULT_REJECTED);
        d.put(TOPIC_SAMPLES, TopicNames.DEFAULT_SAMPLES);
        d.put(SAMPLES_ENABLED, "false");
        d.put(GROUP_ID, "popstream");
        d.put(BATCH_SIZE, "32");
        d.put(BATCH_MAX_DELAY_MS, "500");
        d.put(ASYNC_CAPACITY, "2");
        d.put(INFERENCE_TIMEOUT_MS, "600000");
        d.put(SAMPLER_WALKERS, "64");
        d.put(SAMPLER_STEPS, "1000");
        d.put(SAMPLER_BURN, "500");
        d.put(SAMPLER_THIN, "10");
        d.put(SAMPLER_SEED, "0");
        d.put(SAMPLER_ZMAX, "6");
        d.put(SAMPLER_STEPS_PER_RUN, "10");
        d.put(SAMPLER_EARLY_STOP, "false");
        d.put(SAMPLER_EARLY_STOP_FACTOR, "50");
        d.put(SAMPLER_THREADS, "2");
        d.put(INIT_BANK, "16384");
        d.put(INIT_STARTS, "4");
        d.put(INIT_OPTIMISE, "true");
        d.put(INIT_ADAM_STEPS, "250");
        d.put(INIT_ANNEAL, "true");
        d.put(CHECKPOINT_INTERVAL_MS, "10000");
        d.put(PARALLELISM, "1");
        d.put(MAX_RECORD_BYTES, "65536");
        d.put(MIN_USABLE_BANDS, "3");
        return Map.copyOf(d);
    }

    public static PopstreamJobConfig parse(Map<String, String> settings) {
        Map<String, String> kafka = new HashMap<>();
        Map<String, String> values = new HashMap<>(DEFAULTS);
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(KAFKA_PREFIX)) {
                String clientKey = key.substring(KAFKA_PREFIX.length());
                if (RESERVED_KAFKA_KEYS.contains(clientKey)) {
                    throw new InvalidConfigException(key, "is set by the job itself and cannot be overridden");
                }
                kafka.put(clientKey, entry.getValue());
            } else if (DEFAULTS.containsKey(key) || REQUIRED.contains(key) || DERIVED_DEFAULTS.contains(key)) {
                values.put(key, entry.getValue());
            } else {
                throw new InvalidConfigException(key, "unknown key (Kafka client settings take the prefix '"
                        + KAFKA_PREFIX + "')");
            }
        }
        for (String key : REQUIRED) {
            if (blank(values.get(key))) {
                throw new InvalidConfigException(key, "is required");
            }
        }
        return build(new Reader(values), kafka);
    }

    private static PopstreamJobConfig build(Reader r, Map<String, String> kafka) {
        int parallelism = r.positiveInt(PARALLELISM);
        boolean samples = r.bool(SAMPLES_ENABLED);
        TopicNames topics = new TopicNames(
                r.text(TOPIC_PHOTOMETRY), r.text(TOPIC_POSTERIORS), r.text(TOPIC_REJECTED),
                samples ? r.text(TOPIC_SAMPLES) : null);
        int walkers = r.integer(SAMPLER_WALKERS, w -> w >= 4 && w % 2 == 0, "an even number >= 4");
        int steps = r.positiveInt(SAMPLER_STEPS);
        int burn = r.integer(SAMPLER_BURN, b -> b >= 0 && b < steps, "in [0, " + SAMPLER_STEPS + ")");
        int thin = r.integer(SAMPLER_THIN, t -> t >= 1 && t <= steps - burn,
                "in [1, " + SAMPLER_STEPS + " - " + SAMPLER_BURN + "]");
        double zmax = r.decimal(SAMPLER_ZMAX);
        if (!(zmax > 0 && zmax <= 6)) {
            throw new InvalidConfigException(SAMPLER_ZMAX, "must be in (0, 6] (the emulators' range), got " + zmax);
        }
        double earlyStopFactor = r.decimal(SAMPLER_EARLY_STOP_FACTOR);
        if (!(earlyStopFactor > 0) || Double.isInfinite(earlyStopFactor)) {
            throw new InvalidConfigException(SAMPLER_EARLY_STOP_FACTOR, "must be finite and > 0, got " + earlyStopFactor);
        }
        SamplerConfig sampler = new SamplerConfig(walkers, steps, burn, thin, r.longValue(SAMPLER_SEED), zmax,
                r.positiveInt(SAMPLER_STEPS_PER_RUN), r.bool(SAMPLER_EARLY_STOP), earlyStopFactor,
                r.positiveInt(SAMPLER_THREADS));
        int bank = r.positiveInt(INIT_BANK);
        InitialisationConfig initialisation = new InitialisationConfig(bank,
                r.integer(INIT_STARTS, v -> v >= 1 && v <= bank, "in [1, " + INIT_BANK + "]"), r.bool(INIT_OPTIMISE),
                r.integer(INIT_ADAM_STEPS, v -> v >= 0, ">= 0"), r.bool(INIT_ANNEAL));
        return new PopstreamJobConfig(
                r.bootstrapServers(),
                topics,
                r.text(GROUP_ID),
                r.positiveInt(BATCH_SIZE),
                Duration.ofMillis(r.positiveInt(BATCH_MAX_DELAY_MS)),
                r.values.containsKey(BATCH_BUCKETS) ? r.positiveInt(BATCH_BUCKETS) : 4 * parallelism,
                r.positiveInt(ASYNC_CAPACITY),
                Duration.ofMillis(r.positiveInt(INFERENCE_TIMEOUT_MS)),
                sampler,
                initialisation,
                r.modelsDir(),
                Duration.ofMillis(r.positiveInt(CHECKPOINT_INTERVAL_MS)),
                parallelism,
                r.positiveInt(MAX_RECORD_BYTES),
                r.positiveInt(MIN_USABLE_BANDS),
                kafka);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Typed access to the merged values; every failure names its key. */
    private record Reader(Map<String, String> values) {

        String text(String key) {
            String value = values.get(key);
            if (blank(value)) {
                throw new InvalidConfigException(key, "must not be empty");
            }
            return value.trim();
        }

        long longValue(String key) {
            try {
                return Long.parseLong(text(key));
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(key, "not an integer: '" + values.get(key) + "'");
            }
        }

        int integer(String key, IntPredicate valid, String expectation) {
            int value;
            try {
                value = Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(key, "not an integer: '" + values.get(key) + "'");
            }
            if (!valid.test(value)) {
                throw new InvalidConfigException(key, "must be " + expectation + ", got " + value);
            }
            return value;
        }

        int positiveInt(String key) {
            return integer(key, v -> v > 0, "> 0");
        }

        double decimal(String key) {
            try {
                return Double.parseDouble(text(key));
            } catch (NumberFormatException e) {
                throw new InvalidConfigException(key, "not a number: '" + values.get(key) + "'");
            }
        }

        boolean bool(String key) {
            String value = text(key);
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new InvalidConfigException(key, "must be true or false, got '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        String bootstrapServers() {
            String servers = text(BOOTSTRAP_SERVERS);
            for (String server : servers.split(",")) {
                String s = server.trim();
                int colon = s.lastIndexOf(':');
                if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                    throw new InvalidConfigException(BOOTSTRAP_SERVERS, "expected HOST:PORT[,HOST:PORT...], got '" + s + "'");
                }
            }
            return servers;
        }

        String modelsDir() {
            Path dir = Path.of(text(MODELS_DIR)).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new InvalidConfigException(MODELS_DIR, "not a directory: " + dir);
            }
            return dir.toString();
        }
    }
}
