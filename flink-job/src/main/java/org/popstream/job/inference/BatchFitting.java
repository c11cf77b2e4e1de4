package org.popstream.job.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.batching.GalaxyBatch;
import org.popstream.job.batching.QueuedGalaxy;
import org.popstream.job.validation.Rejections;
import org.popstream.job.validation.ValidGalaxy;
import org.popstream.schemas.RejectReason;

/**
 * Runs one micro-batch through the fitter, free of Flink. If the batch as a whole fails, each
 * galaxy is re-fitted alone: the fitter contract makes a galaxy's result independent of its batch
 * mates, so one poisonous galaxy costs only its own INFERENCE_FAILED dead letter, and a failure is
 * never rethrown (that would restart the job onto the same batch: a crash loop).
 */
public final class BatchFitting {

    private final GalaxyFitter fitter;
    private final PosteriorSummaries summaries;
    private final LongSupplier wallClockMillis;

    public BatchFitting(GalaxyFitter fitter, PosteriorSummaries summaries, LongSupplier wallClockMillis) {
        this.fitter = fitter;
        this.summaries = summaries;
        this.wallClockMillis = wallClockMillis;
    }

    public FittedBatch fit(GalaxyBatch batch) {
        long start = System.nanoTime();
        List<GalaxyPhotometry> photometry = batch.galaxies().stream().map(q -> q.galaxy().photometry()).toList();
        List<PosteriorResult> results;
        try {
            results = checked(fitter.fit(photometry), photometry);
        } catch (RuntimeException batchFailure) {
            return fitOneByOne(batch, start);
        }
        double batchMillis = elapsedMillis(start);
        double perGalaxy = batchMillis / batch.size();
        long now = wallClockMillis.getAsLong();
        List<InferenceOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            outcomes.add(summaries.outcome(batch.galaxies().get(i), results.get(i), fitter.modelVersion(), perGalaxy, now));
        }
        return new FittedBatch(outcomes, batchMillis, meanAcceptance(results), results.size());
    }

    private FittedBatch fitOneByOne(GalaxyBatch batch, long start) {
        List<InferenceOutcome> outcomes = new ArrayList<>();
        List<PosteriorResult> fitted = new ArrayList<>();
        for (QueuedGalaxy queued : batch.galaxies()) {
            long galaxyStart = System.nanoTime();
            try {
                List<GalaxyPhotometry> single = List.of(queued.galaxy().photometry());
                PosteriorResult result = checked(fitter.fit(single), single).get(0);
                fitted.add(result);
                outcomes.add(summaries.outcome(queued, result, fitter.modelVersion(), elapsedMillis(galaxyStart),
                        wallClockMillis.getAsLong()));
            } catch (RuntimeException e) {
                outcomes.add(failed(queued.galaxy(), e));
            }
        }
        return new FittedBatch(outcomes, elapsedMillis(start), meanAcceptance(fitted), fitted.size());
    }

    /** Dead letters for a whole batch (used when a batch times out). */
    public static List<InferenceOutcome> failedBatch(GalaxyBatch batch, String why, long nowMillis) {
        return batch.galaxies().stream().map(q -> failed(q.galaxy(), why, nowMillis)).toList();
    }

    private InferenceOutcome failed(ValidGalaxy galaxy, RuntimeException e) {
        return failed(galaxy, "inference failed: " + e, wallClockMillis.getAsLong());
    }

    private static InferenceOutcome failed(ValidGalaxy galaxy, String message, long nowMillis) {
        return InferenceOutcome.failed(Rejections.of(galaxy.galaxyId(), RejectReason.INFERENCE_FAILED, message,
                galaxy.sourceTopic(), galaxy.partition(), galaxy.offset(), galaxy.originalBytes(), nowMillis));
    }

    /** Guards the contract: one result per galaxy, in order. */
    private static List<PosteriorResult> checked(List<PosteriorResult> results, List<GalaxyPhotometry> batch) {
        if (results == null || results.size() != batch.size()) {
            throw new IllegalStateException("fitter returned " + (results == null ? "null" : results.size() + " results")
                    + " for " + batch.size() + " galaxies");
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).id().equals(results.get(i).galaxyId())) {
                throw new IllegalStateException("result " + i + " is for galaxy " + results.get(i).galaxyId()
                        + ", expected " + batch.get(i).id());
            }
        }
        return results;
    }

    private static double meanAcceptance(List<PosteriorResult> results) {
        return results.stream().mapToDouble(PosteriorResult::acceptance).average().orElse(Double.NaN);
    }

    private static double elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
