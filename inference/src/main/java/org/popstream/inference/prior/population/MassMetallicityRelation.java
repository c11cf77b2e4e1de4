package org.popstream.inference.prior.population;

import org.hipparchus.special.Erf;

/**
 * p(log10 Z* | μ): the Gallazzi et al. 2005 stellar mass–metallicity relation as a normal truncated to
 * the metallicity bounds (population-prior.md §2.3). Centre = interpolated median, width = the full
 * 16–84 % spread (twice the observed 1σ, the inflation of Leja et al. 2019). Interpolation is flat beyond
 * the table's mass range, as in Prospector-β.
 */
public final class MassMetallicityRelation {
    public static final String RESOURCE = "gallazzi05_mzr.csv";
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);

    static final double LOWER = -1.98;
    static final double UPPER = 0.19;

    private final double[] massNodes;
    private final LinearInterpolation median;
    private final LinearInterpolation p16;
    private final LinearInterpolation p84;
    private final double lower;
    private final double upper;

    MassMetallicityRelation(NumericTable table, double lower, double upper) {
        double[] mass = table.column("log10_mstar");
        this.massNodes = mass.clone();
        this.median = new LinearInterpolation(mass, table.column("log10Z_p50"));
        this.p16 = new LinearInterpolation(mass, table.column("log10Z_p16"));
        this.p84 = new LinearInterpolation(mass, table.column("log10Z_p84"));
        if (!(lower < upper)) {
            throw new IllegalArgumentException("metallicity bounds must satisfy lower < upper: " + lower + ", " + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    /** Gallazzi+05 table truncated to the metallicity bounds of science.md §1, [−1.98, 0.19]. */
    public static MassMetallicityRelation gallazzi05() {
        return new MassMetallicityRelation(NumericTable.fromResource(RESOURCE), LOWER, UPPER);
    }

    /** Table masses: the interpolation's nodes. */
    double[] massNodes() {
        return massNodes.clone();
    }

    public double centre(double mu) {
        return median.value(mu);
    }

    public double width(double mu) {
        return p84.value(mu) - p16.value(mu);
    }

    /** ln p(log10Z | μ); −∞ outside the metallicity bounds. */
    public double lnDensity(double log10Z, double mu) {
        if (!(log10Z >= lower && log10Z <= upper)) {
            return Double.NEGATIVE_INFINITY;
        }
        double m = centre(mu);
        double s = width(mu);
        double u = (log10Z - m) / s;
        // Φ(b) − Φ(a) = ½[erf(b/√2) − erf(a/√2)]; Erf.erf(x1, x2) keeps precision in the tails.
        double mass = 0.5 * Erf.erf((lower - m) / (s * SQRT2), (upper - m) / (s * SQRT2));
        return -0.5 * u * u - LN_SQRT_2PI - Math.log(s) - Math.log(mass);
    }
}
