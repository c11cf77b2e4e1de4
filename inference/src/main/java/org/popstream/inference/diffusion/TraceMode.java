package org.popstream.inference.diffusion;

/** How the divergence of the probability-flow drift is obtained while integrating the log-density. */
public enum TraceMode {
    /** Exact trace of the drift Jacobian (forward mode, d tangents per row). */
    EXACT,
    /**
     * Hutchinson's estimator with one Rademacher probe per row, fixed over the solve (as upstream's
     * {@code hutch=True}). Unbiased for the log-density but noisy: not for use inside an MCMC prior.
     */
    HUTCHINSON
}
