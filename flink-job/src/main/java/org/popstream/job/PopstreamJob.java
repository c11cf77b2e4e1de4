package org.popstream.job;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.popstream.job.batching.GalaxyBatch;
import org.popstream.job.batching.GalaxyBuckets;
import org.popstream.job.batching.MicroBatcher;
import org.popstream.job.config.JobArguments;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.inference.GalaxyFitterFactory;
import org.popstream.job.inference.InferenceFunction;
import org.popstream.job.inference.InferenceOutcome;
import org.popstream.job.inference.OutcomeRouter;
import org.popstream.job.inference.PosteriorSummaries;
import org.popstream.job.inference.TensorFlowFitterFactory;
import org.popstream.job.metrics.CommitLatencyProbe;
import org.popstream.job.sinks.PopstreamSinks;
import org.popstream.job.source.IncomingPhotometry;
import org.popstream.job.source.PhotometrySource;
import org.popstream.job.validation.PhotometryRules;
import org.popstream.job.validation.PhotometryValidator;
import org.popstream.job.validation.SurveyBands;
import org.popstream.job.validation.ValidGalaxy;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job. Like the Flink training exercises it takes its source and sinks, so tests
 * and tools can plug in their own; {@link #build} wires the topology from small named steps:
 *
 * <pre>
 * photometry source → validate ─rejected─────────────────────────────┐
 *                        └→ keyBy(bucket) → micro-batch → infer → route ─rejected→ rejected sink
 *                                                                  ├→ posteriors sink
 *                                                                  └─samples→ samples sink (optional)
 * </pre>
 *
 * Operator uids are fixed so savepoints survive code changes.
 */
public final class PopstreamJob {

    public static final String JOB_NAME = "popstream";
    private static final Logger LOG = LoggerFactory.getLogger(PopstreamJob.class);

    private final PopstreamJobConfig config;
    private final Source<IncomingPhotometry, ?, ?> source;
    private final PopstreamSinks sinks;
    private final GalaxyFitterFactory fitters;

    public PopstreamJob(PopstreamJobConfig config, Source<IncomingPhotometry, ?, ?> source, PopstreamSinks sinks,
            GalaxyFitterFactory fitters) {
        this.config = config;
        this.source = source;
        this.sinks = sinks;
        this.fitters = fitters;
    }

    /**
     * Entry point of the job jar under {@code flink run}: {@code key=value} settings (see
     * {@link JobConfigParser}), optionally {@code --config FILE}; Kafka in and out, TensorFlow fitter.
     */
    public static void main(String[] args) throws Exception {
        PopstreamJobConfig config = JobConfigParser.parse(JobArguments.settings(args));
        LOG.info("starting {}", config);
        new PopstreamJob(config, PhotometrySource.kafka(config), PopstreamSinks.kafka(config),
                new TensorFlowFitterFactory(config)).execute();
    }

    /** Runs on the environment of the context (a cluster under {@code flink run}, else local); blocks. */
    public JobExecutionResult execute() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env);
        return env.execute(JOB_NAME);
    }

    /** Submits to {@code env} and returns at once. */
    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync(JOB_NAME);
    }

    public void build(StreamExecutionEnvironment env) {
        configure(env);
        DataStream<IncomingPhotometry> incoming = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "photometry source")
                .uid("photometry-source");
        SingleOutputStreamOperator<ValidGalaxy> valid = validate(incoming);
        SingleOutputStreamOperator<PosteriorSummary> summaries = route(infer(microBatch(valid)));

        summaries
                .map(CommitLatencyProbe.<PosteriorSummary>wallClock(s -> s.getTimings().getEmittedAtMillis()))
                .returns(summaries.getType())
                .name("commit latency").uid("commit-latency")
                .sinkTo(sinks.posteriors()).name("posteriors sink").uid("posteriors-sink");
        DataStream<RejectedEvent> rejected = valid.getSideOutput(PhotometryValidator.REJECTED)
                .union(summaries.getSideOutput(OutcomeRouter.REJECTED));
        rejected.sinkTo(sinks.rejected()).name("rejected sink").uid("rejected-sink");
        sinks.samples().ifPresent(sink ->
                summaries.getSideOutput(OutcomeRouter.SAMPLES).sinkTo(sink).name("samples sink").uid("samples-sink"));
    }

    private void configure(StreamExecutionEnvironment env) {
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // every type on the wire has a Flink or Avro serializer; a Kryo fallback would be a silent bug
        Configuration types = new Configuration();
        types.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(types);
    }

    private SingleOutputStreamOperator<ValidGalaxy> validate(DataStream<IncomingPhotometry> incoming) {
        return incoming
                .process(new PhotometryValidator(new PhotometryRules(SurveyBands.builtIn(), config.minUsableBands())))
                .name("validate").uid("validate");
    }

    private DataStream<GalaxyBatch> microBatch(DataStream<ValidGalaxy> valid) {
        return valid
                .keyBy(new GalaxyBuckets(config.batchBuckets()))
                .process(new MicroBatcher(config.batchSize(), config.maxBatchDelay()))
                .name("micro-batch").uid("micro-batch");
    }

    private DataStream<InferenceOutcome> infer(DataStream<GalaxyBatch> batches) {
        PosteriorSummaries summaries = new PosteriorSummaries(config.fit(), config.prior().description());
        Duration timeout = config.inferenceTimeout();
        return AsyncDataStream
                .unorderedWait(batches, new InferenceFunction(fitters, summaries), timeout.toMillis(),
                        TimeUnit.MILLISECONDS, config.asyncCapacity())
                .name("infer").uid("infer");
    }

    private SingleOutputStreamOperator<PosteriorSummary> route(DataStream<InferenceOutcome> outcomes) {
        return outcomes.process(new OutcomeRouter()).name("route outcomes").uid("route-outcomes");
    }
}
