package org.popstream.job.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.popstream.job.PopstreamJob;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.inference.GalaxyFitterFactory;
import org.popstream.job.sinks.PopstreamSinks;
import org.popstream.job.source.PhotometrySource;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job on an in-process Flink MiniCluster with the web dashboard, reading and writing Kafka:
 * what {@code popstream run} and the local demo start. The MiniCluster lives as long as the job;
 * {@link #close()} cancels it.
 *
 * <pre>{@code
 * try (LocalPopstream job = LocalPopstream.start(config, fitters, 8081)) {
 *     List<PosteriorSummary> done = job.awaitSummaries(100, Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class LocalPopstream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPopstream.class);

    private final PopstreamJobConfig config;
    private final JobClient job;
    private final int restPort;
    private CommittedRecords<PosteriorSummary> summaries;
    private CommittedRecords<RejectedEvent> rejected;
    private boolean closed;

    private LocalPopstream(PopstreamJobConfig config, JobClient job, int restPort) {
        this.config = config;
        this.job = job;
        this.restPort = restPort;
    }

    /** Like {@link #start(PopstreamJobConfig, GalaxyFitterFactory, int, Path)} without durable state. */
    public static LocalPopstream start(PopstreamJobConfig config, GalaxyFitterFactory fitters, int restPort)
            throws Exception {
        return start(config, fitters, restPort, null);
    }

    /**
     * Submits the job to a new local MiniCluster and returns once it is submitted.
     *
     * @param restPort port of the web dashboard; 0 picks a free one (tests)
     * @param stateDir where checkpoints are kept across runs, or {@code null} for none. With it,
     *                 a job stopped in any way (cancel, Ctrl-C, SIGKILL) resumes from its last
     *                 completed checkpoint when started again: no galaxy lost, none written twice.
     */
    public static LocalPopstream start(PopstreamJobConfig config, GalaxyFitterFactory fitters, int restPort,
            Path stateDir) throws Exception {
        Configuration cluster = new Configuration();
        if (stateDir != null) {
            cluster.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, stateDir.toAbsolutePath().toUri().toString());
            cluster.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            RetainedCheckpoints.latest(stateDir).ifPresent(checkpoint -> {
                LOG.info("resuming from checkpoint {}", checkpoint);
                cluster.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
            });
        }
        cluster.set(RestOptions.PORT, restPort);
        cluster.set(RestOptions.BIND_PORT, String.valueOf(restPort));
        cluster.set(TaskManagerOptions.NUM_TASK_SLOTS, config.parallelism());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(cluster);
        PopstreamJob popstream =
                new PopstreamJob(config, PhotometrySource.kafka(config), PopstreamSinks.kafka(config), fitters);
        return new LocalPopstream(config, popstream.executeAsync(env), restPort);
    }

    public JobClient job() {
        return job;
    }

    /** The Flink dashboard, when a fixed port was asked for. */
    public String dashboardUrl() {
        return "http://localhost:" + restPort;
    }

    /**
     * Blocks until at least {@code n} summaries are committed (visible to read_committed
     * consumers) and returns every summary committed so far, oldest first. Successive calls
     * continue where the last left off but return the full list.
     */
    public List<PosteriorSummary> awaitSummaries(int n, Duration timeout) throws TimeoutException {
        return summaries().awaitAtLeast(n, timeout);
    }

    /** Like {@link #awaitSummaries} for dead letters. */
    public List<RejectedEvent> awaitRejected(int n, Duration timeout) throws TimeoutException {
        return rejected().awaitAtLeast(n, timeout);
    }

    /** Every summary committed so far, after watching the topic for {@code wait}. */
    public List<PosteriorSummary> summariesSoFar(Duration wait) {
        return summaries().readFor(wait);
    }

    /** Every dead letter committed so far, after watching the topic for {@code wait}. */
    public List<RejectedEvent> rejectedSoFar(Duration wait) {
        return rejected().readFor(wait);
    }

    private CommittedRecords<PosteriorSummary> summaries() {
        if (summaries == null) {
            summaries = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().posteriors(),
                    PosteriorSummary.class);
        }
        return summaries;
    }

    private CommittedRecords<RejectedEvent> rejected() {
        if (rejected == null) {
            rejected = new CommittedRecords<>(config.kafkaClientProperties(), config.topics().rejected(),
                    RejectedEvent.class);
        }
        return rejected;
    }

    public JobStatus status() throws ExecutionException, TimeoutException, InterruptedException {
        return job.getJobStatus().get(30, TimeUnit.SECONDS);
    }

    /**
     * Cancels the job (open transactions are aborted; committed output stays) and stops the
     * MiniCluster. Idempotent.
     */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!status().isGloballyTerminalState()) {
                job.cancel().get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (summaries != null) {
                summaries.close();
            }
            if (rejected != null) {
                rejected.close();
            }
        }
    }
}
