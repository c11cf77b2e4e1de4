package org.popstream.job.inference;

import java.util.List;

/**
 * Outcomes of one batch, in batch order, with what the metrics need.
 *
 * @param batchMillis     wall time of the whole batch, fallback fits included
 * @param meanAcceptance  mean acceptance fraction over the fitted galaxies (NaN if none)
 */
public record FittedBatch(List<InferenceOutcome> outcomes, double batchMillis, double meanAcceptance, int fitted) {}
