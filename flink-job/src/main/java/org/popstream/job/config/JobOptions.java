package org.popstream.job.config;

import java.util.List;
import org.popstream.inference.settings.Setting;

/**
 * The streaming job's own settings, declared once for {@link JobConfigParser} and the {@code run}
 * and {@code demo} commands; the fit's settings (sampler, initialisation) are declared in
 * {@link org.popstream.inference.settings.FitOptions}. A setting without an option is set by key
 * only ({@code --set KEY=VALUE} on the command line).
 */
public final class JobOptions {

    public static final Setting<String> BOOTSTRAP_SERVERS = new Setting<>("bootstrap.servers", "--bootstrap",
            String.class, null, "Kafka bootstrap servers", JobOptions::hostPorts, "HOST:PORT[,HOST:PORT...]",
            String::trim);
    /** No option: {@code run} resolves {@code --models}, $POPSTREAM_MODELS and the shared folder into it. */
    public static final Setting<String> MODELS_DIR = Setting.text("models.dir", null, null,
            "pop-cosmos model directory");
    public static final Setting<String> GROUP_ID = Setting.text("group.id", "--group-id", "popstream",
            "Consumer group and transactional-id prefix");
    public static final Setting<String> TOPIC_PHOTOMETRY = Setting.text("topic.photometry", "--photometry-topic",
            TopicNames.DEFAULT_PHOTOMETRY, "Input topic");
    public static final Setting<String> TOPIC_POSTERIORS = Setting.text("topic.posteriors", "--posteriors-topic",
            TopicNames.DEFAULT_POSTERIORS, "Summary topic");
    public static final Setting<String> TOPIC_REJECTED = Setting.text("topic.rejected", "--rejected-topic",
            TopicNames.DEFAULT_REJECTED, "Dead-letter topic");
    public static final Setting<String> TOPIC_SAMPLES = Setting.text("topic.samples", "--samples-topic",
            TopicNames.DEFAULT_SAMPLES, "Draws topic, written when samples are enabled");
    public static final Setting<Boolean> SAMPLES_ENABLED = Setting.flag("samples.enabled", "--samples", false,
            "Also publish thinned posterior draws");
    public static final Setting<Integer> BATCH_SIZE = Setting.positiveInteger("batch.size", "--batch-size", 32,
            "Galaxies per micro-batch (the fixed TensorFlow batch shape)");
    public static final Setting<Integer> BATCH_MAX_DELAY_MS = Setting.positiveInteger("batch.max-delay-ms",
            "--max-delay-ms", 500, "Longest a galaxy waits for its batch to fill, in milliseconds");
    /** No default: four per parallel subtask unless given. */
    public static final Setting<Integer> BATCH_BUCKETS = Setting.integer("batch.buckets", null, null,
            "Key buckets of the micro-batcher (default: 4 x parallelism)", v -> v > 0, "> 0");
    public static final Setting<Integer> ASYNC_CAPACITY = Setting.positiveInteger("inference.async-capacity", null, 2,
            "Batches in flight per inference subtask");
    public static final Setting<Integer> INFERENCE_TIMEOUT_MS = Setting.positiveInteger("inference.timeout-ms", null,
            600_000, "A batch taking longer is dead-lettered (INFERENCE_FAILED), in milliseconds");
    public static final Setting<Integer> CHECKPOINT_INTERVAL_MS = Setting.positiveInteger("checkpoint.interval-ms",
            "--checkpoint-interval-ms", 10_000, "Checkpoint and output-commit interval, in milliseconds");
    public static final Setting<Integer> PARALLELISM = Setting.positiveInteger("parallelism", "--parallelism", 1,
            "Parallelism of every operator");
    public static final Setting<Integer> MAX_RECORD_BYTES = Setting.positiveInteger("max.record.bytes",
            "--max-record-bytes", 65_536, "Larger input records are dead-lettered");
    public static final Setting<Integer> MIN_USABLE_BANDS = Setting.positiveInteger("min.usable.bands", "--min-bands",
            3, "Fewer usable bands are dead-lettered");

    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, MODELS_DIR, GROUP_ID, TOPIC_PHOTOMETRY,
            TOPIC_POSTERIORS, TOPIC_REJECTED, TOPIC_SAMPLES, SAMPLES_ENABLED, BATCH_SIZE, BATCH_MAX_DELAY_MS,
            BATCH_BUCKETS, ASYNC_CAPACITY, INFERENCE_TIMEOUT_MS, CHECKPOINT_INTERVAL_MS, PARALLELISM, MAX_RECORD_BYTES,
            MIN_USABLE_BANDS);

    private JobOptions() {}

    private static boolean hostPorts(String servers) {
        for (String server : servers.split(",", -1)) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
