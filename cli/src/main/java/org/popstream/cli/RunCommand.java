package org.popstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.job.PopstreamJob;
import org.popstream.job.config.InvalidConfigException;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.config.SecretMasking;
import org.popstream.job.inference.TensorFlowFitterFactory;
import org.popstream.job.local.LocalPopstream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream run}: the streaming job on a local MiniCluster with the Flink dashboard, or,
 * with {@code --remote}, the {@code flink run} command that submits the same job with the same
 * settings to an existing cluster.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the streaming job: Kafka photometry -> validation -> micro-batches -> TensorFlow fits -> "
                + "posterior summaries on Kafka, exactly once.",
                "Locally on a Flink MiniCluster with the web dashboard (default), or print the `flink run` "
                + "submission for an existing cluster (--remote)."})
public final class RunCommand implements Callable<Integer> {

    static final int DEFAULT_REST_PORT = 8081;

    @Spec CommandSpec spec;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--models", paramLabel = "DIR",
            description = "pop-cosmos model directory (default: $POPSTREAM_MODELS, else ../shared/models/pop-cosmos).")
    Path models;

    @Option(names = "--group-id", description = "Consumer group and transactional-id prefix (default: popstream).")
    String groupId;

    @Option(names = "--photometry-topic", description = "Input topic (default: popstream.photometry.v1).")
    String photometryTopic;

    @Option(names = "--posteriors-topic", description = "Summary topic (default: popstream.posteriors.v1).")
    String posteriorsTopic;

    @Option(names = "--rejected-topic", description = "Dead-letter topic (default: popstream.rejected.v1).")
    String rejectedTopic;

    @Option(names = "--samples", description = "Also publish thinned posterior draws.")
    boolean samples;

    @Option(names = "--samples-topic", description = "Draws topic (default: popstream.samples.v1).")
    String samplesTopic;

    @Option(names = "--batch-size", description = "Galaxies per micro-batch (default: 32).")
    Integer batchSize;

    @Option(names = "--max-delay-ms", description = "Longest a galaxy waits for its batch to fill (default: 500).")
    Integer maxDelayMillis;

    @Option(names = "--walkers", description = "Ensemble walkers per galaxy (default: 64).")
    Integer walkers;

    @Option(names = "--steps", description = "Sampler steps including burn-in (default: 1000).")
    Integer steps;

    @Option(names = "--burn", description = "Burn-in steps (default: 500).")
    Integer burn;

    @Option(names = "--thin", description = "Keep every n-th step after burn-in (default: 10).")
    Integer thin;

    @Option(names = "--seed", description = "Sampler seed; with the galaxy id it fixes each galaxy's random stream (default: 42).")
    Long seed;

    @Option(names = "--zmax", description = "Upper redshift bound of the prior (default: 6).")
    Double zmax;

    @Option(names = "--parallelism", description = "Parallelism of every operator (default: 1).")
    Integer parallelism;

    @Option(names = "--checkpoint-interval-ms", description = "Checkpoint (and output commit) interval (default: 10000).")
    Integer checkpointMillis;

    @Option(names = "--min-bands", description = "Fewest usable bands a galaxy needs (default: 3).")
    Integer minBands;

    @Option(names = "--max-record-bytes", description = "Larger input records are rejected (default: 65536).")
    Integer maxRecordBytes;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE",
            description = "Kafka client setting passed through, e.g. --kafka security.protocol=SASL_SSL (repeatable).")
    Map<String, String> kafka = new LinkedHashMap<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any job setting by its configuration key (repeatable).")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--rest-port", description = "Port of the local Flink dashboard (default: ${DEFAULT-VALUE}).")
    int restPort = DEFAULT_REST_PORT;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Local runs: checkpoints kept here; a restarted run resumes from the latest one "
                    + "(default: <tmp>/popstream-state/<group id>).")
    Path stateDir;

    @Option(names = "--remote", description = "Do not run locally: print the `flink run` command for an existing cluster.")
    boolean remote;

    @Option(names = "--job-jar", paramLabel = "JAR",
            description = "Job jar for --remote (default: flink-job/target/popstream-flink-job-0.1.0-SNAPSHOT-job.jar).")
    Path jobJar;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> settings;
        PopstreamJobConfig config;
        try {
            settings = settings();
            config = JobConfigParser.parse(settings);
        } catch (InvalidConfigException | ModelFileException e) {
            err.println("popstream run: " + e.getMessage());
            return 2;
        }
        if (remote) {
            out.println(submission(settings));
            return 0;
        }
        Path state = stateDir != null ? stateDir
                : Path.of(System.getProperty("java.io.tmpdir"), "popstream-state", config.groupId());
        try (LocalPopstream job = LocalPopstream.start(config, new TensorFlowFitterFactory(config), restPort, state)) {
            out.println("popstream: job " + job.job().getJobID() + " running; dashboard " + job.dashboardUrl()
                    + "; checkpoints in " + state);
            out.println("popstream: " + config);
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(job), "popstream-stop"));
            job.job().getJobExecutionResult().get();
        }
        return 0;
    }

    /** The command-line options as configuration keys; options not given are left to the defaults. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(JobConfigParser.BOOTSTRAP_SERVERS, bootstrap);
        s.put(JobConfigParser.MODELS_DIR, ModelDirectory.resolve(models).root().toString());
        put(s, JobConfigParser.GROUP_ID, groupId);
        put(s, JobConfigParser.TOPIC_PHOTOMETRY, photometryTopic);
        put(s, JobConfigParser.TOPIC_POSTERIORS, posteriorsTopic);
        put(s, JobConfigParser.TOPIC_REJECTED, rejectedTopic);
        put(s, JobConfigParser.TOPIC_SAMPLES, samplesTopic);
        if (samples) {
            s.put(JobConfigParser.SAMPLES_ENABLED, "true");
        }
        put(s, JobConfigParser.BATCH_SIZE, batchSize);
        put(s, JobConfigParser.BATCH_MAX_DELAY_MS, maxDelayMillis);
        put(s, JobConfigParser.SAMPLER_WALKERS, walkers);
        put(s, JobConfigParser.SAMPLER_STEPS, steps);
        put(s, JobConfigParser.SAMPLER_BURN, burn);
        put(s, JobConfigParser.SAMPLER_THIN, thin);
        put(s, JobConfigParser.SAMPLER_SEED, seed);
        put(s, JobConfigParser.SAMPLER_ZMAX, zmax);
        put(s, JobConfigParser.PARALLELISM, parallelism);
        put(s, JobConfigParser.CHECKPOINT_INTERVAL_MS, checkpointMillis);
        put(s, JobConfigParser.MIN_USABLE_BANDS, minBands);
        put(s, JobConfigParser.MAX_RECORD_BYTES, maxRecordBytes);
        kafka.forEach((key, value) -> s.put(JobConfigParser.KAFKA_PREFIX + key, value));
        s.putAll(extra);
        return s;
    }

    /** What to run against an existing cluster; secrets are masked, so pass those yourself. */
    String submission(Map<String, String> settings) {
        Path jar = jobJar != null ? jobJar
                : ProjectHome.resolve("flink-job/target/popstream-flink-job-0.1.0-SNAPSHOT-job.jar").toAbsolutePath().normalize();
        String arguments = SecretMasking.masked(settings).entrySet().stream()
                .map(e -> "'" + e.getKey() + "=" + e.getValue() + "'")
                .collect(Collectors.joining(" \\\n    "));
        return String.join("\n",
                "# 1. build the job jar (popstream, Avro, Kafka connector; no Flink, no TensorFlow):",
                "mvn -B -pl flink-job -am package -Pjob-jar -DskipTests",
                "# 2. once per cluster: TensorFlow, JavaCPP and protobuf into $FLINK_HOME/lib of every TaskManager",
                "#    (see deploy/README-flink-classloading.md; they must not be in the job jar),",
                "#    and the model directory " + settings.get(JobConfigParser.MODELS_DIR) + " on every TaskManager.",
                "# 3. submit (settings masked with " + "****** must be filled in by hand):",
                "flink run --detached --class " + PopstreamJob.class.getName() + " " + jar + " \\\n    " + arguments);
    }

    private static void put(Map<String, String> settings, String key, Object value) {
        if (value != null) {
            settings.put(key, String.valueOf(value));
        }
    }

    private static void closeQuietly(LocalPopstream job) {
        try {
            job.close();
        } catch (Exception e) {
            System.err.println("popstream: stopping the job failed: " + e);
        }
    }
}
