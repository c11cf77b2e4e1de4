package org.popstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.settings.FitOptions;
import org.popstream.job.PopstreamJob;
import org.popstream.job.config.InvalidConfigException;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.JobOptions;
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
@Command(name = "run",
        modelTransformer = SettingOptions.Transformer.class, mixinStandardHelpOptions = true,
        description = {"Run the streaming job: Kafka photometry -> validation -> micro-batches -> TensorFlow fits -> "
                + "posterior summaries on Kafka, exactly once.",
                "Locally on a Flink MiniCluster with the web dashboard (default), or print the `flink run` "
                + "submission for an existing cluster (--remote)."})
public final class RunCommand implements Callable<Integer>, SettingOptions.TakesSettings {

    static final int DEFAULT_REST_PORT = 8081;

    @Spec CommandSpec spec;

    /** The job's settings that have an option here; every other key is reachable with --set. */
    private final SettingOptions settings = new SettingOptions(List.of(JobOptions.BOOTSTRAP_SERVERS,
            JobOptions.GROUP_ID, JobOptions.TOPIC_PHOTOMETRY, JobOptions.TOPIC_POSTERIORS, JobOptions.TOPIC_REJECTED,
            JobOptions.SAMPLES_ENABLED, JobOptions.TOPIC_SAMPLES, JobOptions.BATCH_SIZE, JobOptions.BATCH_MAX_DELAY_MS,
            FitOptions.WALKERS, FitOptions.STEPS, FitOptions.BURN, FitOptions.THIN, FitOptions.SEED, FitOptions.ZMAX,
            JobOptions.PARALLELISM, JobOptions.CHECKPOINT_INTERVAL_MS, JobOptions.MIN_USABLE_BANDS,
            JobOptions.MAX_RECORD_BYTES));

    @Option(names = "--models", paramLabel = "DIR",
            description = "pop-cosmos model directory (default: $POPSTREAM_MODELS, else ../shared/models/pop-cosmos).")
    Path models;

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
    public SettingOptions settingOptions() {
        return settings;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> keys;
        PopstreamJobConfig config;
        try {
            keys = settings();
            config = JobConfigParser.parse(keys);
        } catch (InvalidConfigException e) {
            err.println("popstream run: " + settings.describe(e, extra));
            return 2;
        } catch (ModelFileException e) {
            err.println("popstream run: " + e.getMessage());
            return 2;
        }
        if (remote) {
            out.println(submission(keys));
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

    /** The command-line options as configuration keys, then --kafka and --set, which win. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>(settings.asKeys(spec.commandLine().getParseResult()));
        s.put(JobConfigParser.MODELS_DIR, ModelDirectory.resolve(models).root().toString());
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

    private static void closeQuietly(LocalPopstream job) {
        try {
            job.close();
        } catch (Exception e) {
            System.err.println("popstream: stopping the job failed: " + e);
        }
    }
}
