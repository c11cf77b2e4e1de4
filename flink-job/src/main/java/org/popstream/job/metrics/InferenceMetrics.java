package org.popstream.job.metrics;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * What the Flink dashboard shows about inference: batch sizes, queue time, inference time per
 * batch and per galaxy, galaxies per second, the last batch's mean acceptance and the batches in
 * flight. Times in milliseconds.
 */
public final class InferenceMetrics {

    private static final int HISTOGRAM_WINDOW = 1024;

    private final Histogram batchSize;
    private final Histogram queueMillis;
    private final Histogram batchInferenceMillis;
    private final Histogram galaxyInferenceMillis;
    private final Counter galaxiesFitted;
    private final Counter inferenceFailures;
    private final Meter galaxiesPerSecond;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile double meanAcceptance = Double.NaN;

    public InferenceMetrics(MetricGroup group) {
        batchSize = group.histogram("batchSize", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        queueMillis = group.histogram("queueTimeMillis", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        batchInferenceMillis = group.histogram("inferenceMillisPerBatch", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        galaxyInferenceMillis = group.histogram("inferenceMillisPerGalaxy", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        galaxiesFitted = group.counter("galaxiesFitted");
        inferenceFailures = group.counter("inferenceFailures");
        galaxiesPerSecond = group.meter("galaxiesPerSecond", new MeterView(galaxiesFitted));
        group.gauge("meanAcceptance", (Gauge<Double>) () -> meanAcceptance);
        group.gauge("inFlightBatches", (Gauge<Integer>) inFlight::get);
    }

    public void batchStarted() {
        inFlight.incrementAndGet();
    }

    public void queued(long millis) {
        queueMillis.update(millis);
    }

    /** A finished batch; {@code fitted} galaxies succeeded, {@code failed} became dead letters. */
    public void batchFinished(int size, double batchMillis, int fitted, int failed, double acceptance) {
        inFlight.decrementAndGet();
        batchSize.update(size);
        batchInferenceMillis.update(Math.round(batchMillis));
        galaxyInferenceMillis.update(Math.round(batchMillis / size));
        galaxiesPerSecond.markEvent(fitted);
        inferenceFailures.inc(failed);
        if (!Double.isNaN(acceptance)) {
            meanAcceptance = acceptance;
        }
    }

    public void batchAbandoned(int size) {
        inFlight.decrementAndGet();
        inferenceFailures.inc(size);
    }
}
