package org.popstream.inference.photoz;

/**
 * A galaxy's photometric-redshift summary: posterior median and central 68 % / 95 % intervals.
 * {@code effectiveDraws} (Kish) says how many bank members carry the posterior: small values mean the
 * intervals are under-resolved.
 */
public record RedshiftEstimate(double median, double p2_5, double p16, double p84, double p97_5, double effectiveDraws) {

    public static RedshiftEstimate failed() {
        return new RedshiftEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.0);
    }

    public boolean isValid() {
        return Double.isFinite(median);
    }
}
