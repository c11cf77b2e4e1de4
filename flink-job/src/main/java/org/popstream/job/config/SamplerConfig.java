package org.popstream.job.config;

import java.io.Serializable;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;

/**
 * Sampler settings every fit in this job runs with; reported with each summary so that
 * {@code popstream fit} with the same values reproduces a streamed result exactly.
 *
 * @param zmax            upper bound of the uniform redshift prior
 * @param stepsPerRun     sampler steps unrolled into one TensorFlow run
 * @param earlyStopFactor K of early stopping (chain longer than K·τ), also the convergence flag's multiple
 * @param threads         TensorFlow intra-op threads per inference subtask
 */
public record SamplerConfig(int walkers, int steps, int burn, int thin, long seed, double zmax, int stepsPerRun,
        boolean earlyStop, double earlyStopFactor, int threads) implements Serializable {

    /** The prior these settings define. */
    public AnalyticPrior prior() {
        return new AnalyticPrior(AnalyticPriorSettings.DEFAULT.withZMax(zmax));
    }

    /** How the prior is named in {@code PosteriorSummary.settings.prior}, as {@code popstream fit} names it. */
    public String priorDescription() {
        return prior().description();
    }
}
