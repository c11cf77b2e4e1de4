package org.popstream.inference.fit;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code popstream fit} writes for one galaxy (one CSV row, one {@code PosteriorSummary}).
 *
 * @param quantities   marginal summaries in output order (z, log10M_formed, log10Mstar, log10SFR, log10sSFR,
 *                     log10Z, dust2, dust_index, dust1_fraction, mw_age_gyr, then the other parameters)
 * @param zQuantileLevels fixed grid of cumulative levels
 * @param zQuantiles   redshift at each level
 * @param samples      thinned posterior draws (rows), columns named by {@code sampleColumns}; may be empty
 * @param sampleLogPosterior log posterior of each draw in {@code samples} (same length)
 */
public record PosteriorResult(
        String galaxyId,
        List<QuantitySummary> quantities,
        double[] zQuantileLevels,
        double[] zQuantiles,
        double pQuenched10,
        double pQuenched11,
        double acceptance,
        double tauMax,
        double essMin,
        boolean converged,
        int stepsUsed,
        int nBands,
        double lnPosteriorMax,
        double inferenceMillis,
        List<String> sampleColumns,
        float[][] samples,
        float[] sampleLogPosterior,
        Map<String, String> attributes) {

    /** Marginal posterior of one parameter or derived quantity. */
    public record QuantitySummary(
            String name, double mean, double std, double p2_5, double p16, double p50, double p84, double p97_5,
            double maxPosterior) {}
}
