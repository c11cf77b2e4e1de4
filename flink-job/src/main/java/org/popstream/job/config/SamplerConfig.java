package org.popstream.job.config;

import java.io.Serializable;

/**
 * Sampler settings every fit in this job runs with; reported with each summary so a result can be
 * reproduced by {@code popstream fit}.
 *
 * @param zmax upper bound of the uniform redshift prior
 */
public record SamplerConfig(int walkers, int steps, int burn, int thin, long seed, double zmax)
        implements Serializable {

    /** How the prior is named in {@code PosteriorSummary.settings.prior}. */
    public String priorDescription() {
        return "analytic(zmax=" + zmax + ")";
    }
}
