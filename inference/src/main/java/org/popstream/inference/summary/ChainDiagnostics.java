package org.popstream.inference.summary;

import org.popstream.inference.sampler.GalaxyChain;

/**
 * Convergence diagnostics of one galaxy's ensemble run.
 *
 * <p>τ is the integrated autocorrelation time of the post-burn walker-mean chain of each parameter
 * (Sokal window, c = 5). ESS = (post-burn steps × walkers) / τ_max, capped at the number of
 * recorded draws. {@code converged} follows emcee's advice: the post-burn chain is at least
 * {@code minTauMultiple} × τ_max long and the acceptance fraction is in [0.1, 0.8] (outside it the
 * ensemble is stuck or the proposals are degenerate).
 */
public record ChainDiagnostics(double[] tau, double tauMax, double essMin, boolean converged) {

    public static final double MIN_ACCEPTANCE = 0.1;
    public static final double MAX_ACCEPTANCE = 0.8;

    public static ChainDiagnostics of(GalaxyChain chain, int walkers, double minTauMultiple) {
        int dim = chain.dimension();
        int length = chain.chainLength();
        double[] tau = new double[dim];
        double tauMax = 0;
        for (int d = 0; d < dim; d++) {
            tau[d] = length > 1 ? AutocorrelationTime.integrated(chain.walkerMeanSeries(d)) : Double.NaN;
            tauMax = Math.max(tauMax, tau[d]);
        }
        if (length <= 1) {
            tauMax = Double.NaN;
        }
        double ess = Math.min(chain.sampleCount(), length * (double) walkers / tauMax);
        boolean converged = length >= minTauMultiple * tauMax
                && chain.acceptance() >= MIN_ACCEPTANCE && chain.acceptance() <= MAX_ACCEPTANCE;
        return new ChainDiagnostics(tau, tauMax, ess, converged);
    }
}
