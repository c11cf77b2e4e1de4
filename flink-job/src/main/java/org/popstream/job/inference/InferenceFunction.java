package org.popstream.job.inference;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.job.batching.GalaxyBatch;
import org.popstream.job.batching.QueuedGalaxy;
import org.popstream.job.metrics.InferenceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The async inference operator's function. Each subtask owns one fitter (one TensorFlow session,
 * bound to the subtask's GPU if Flink assigned one) used only by a single inference thread: the
 * fitter is not thread-safe and a batch already saturates the device. Flink's async operator
 * checkpoints the batches in flight and re-runs them after recovery.
 */
public final class InferenceFunction extends RichAsyncFunction<GalaxyBatch, InferenceOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceFunction.class);

    private final GalaxyFitterFactory fitterFactory;
    private final PosteriorSummaries summaries;

    private transient ExecutorService inferenceThread;
    private transient GalaxyFitter fitter;
    private transient BatchFitting fitting;
    private transient InferenceMetrics metrics;

    public InferenceFunction(GalaxyFitterFactory fitterFactory, PosteriorSummaries summaries) {
        this.fitterFactory = fitterFactory;
        this.summaries = summaries;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        FitterPlacement placement = GpuAssignment.of(getRuntimeContext());
        String subtask = getRuntimeContext().getTaskInfo().getTaskNameWithSubtasks();
        inferenceThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "popstream-inference " + subtask);
            t.setDaemon(true);
            return t;
        });
        // created on the thread that will use it: TF sessions and JavaCPP pointers stay thread-confined
        fitter = inferenceThread.submit(() -> fitterFactory.create(placement)).get();
        fitting = new BatchFitting(fitter, summaries, System::currentTimeMillis);
        metrics = new InferenceMetrics(getRuntimeContext().getMetricGroup());
        LOG.info("{}: fitter for model {} on {}", subtask, fitter.modelVersion(), placement);
    }

    @Override
    public void asyncInvoke(GalaxyBatch batch, ResultFuture<InferenceOutcome> resultFuture) {
        metrics.batchStarted();
        try {
            inferenceThread.execute(() -> run(batch, resultFuture));
        } catch (RejectedExecutionException e) {
            // only while closing; Flink re-runs in-flight batches from the checkpoint
            metrics.batchAbandoned(batch.size());
            resultFuture.completeExceptionally(e);
        }
    }

    private void run(GalaxyBatch batch, ResultFuture<InferenceOutcome> resultFuture) {
        long started = System.currentTimeMillis();
        for (QueuedGalaxy queued : batch.galaxies()) {
            metrics.queued(started - queued.queuedAtMillis());
        }
        FittedBatch fitted;
        try {
            fitted = fitting.fit(batch);
        } catch (Throwable fatal) {
            // BatchFitting turns every exception into dead letters; what reaches here is an Error
            // (native crash, out of memory): fail the task so Flink restarts it from the last
            // checkpoint and re-runs this batch on a fresh fitter.
            metrics.batchAbandoned(batch.size());
            resultFuture.completeExceptionally(fatal);
            return;
        }
        metrics.batchFinished(batch.size(), fitted.batchMillis(), fitted.fitted(), batch.size() - fitted.fitted(),
                fitted.meanAcceptance());
        resultFuture.complete(fitted.outcomes());
    }

    @Override
    public void timeout(GalaxyBatch batch, ResultFuture<InferenceOutcome> resultFuture) {
        // a dead letter per galaxy rather than a job failure: failing would re-run the same slow batch forever
        resultFuture.complete(BatchFitting.failedBatch(batch, "inference timed out", System.currentTimeMillis()));
    }

    @Override
    public void close() throws Exception {
        if (inferenceThread != null) {
            inferenceThread.shutdownNow();
            inferenceThread.awaitTermination(30, TimeUnit.SECONDS);
        }
        if (fitter != null) {
            fitter.close();
        }
    }
}
