package org.popstream.inference.prior.population;

import org.popstream.inference.likelihood.StudentT2;

/**
 * Student-t with ν = 2 and a fixed scale, optionally renormalised to a finite interval: the continuity
 * prior of the SFR ratios (science.md §4) around a movable centre. Prospector-β evaluates it without the
 * renormalisation; we keep it, so the prior is a proper density on the bounded box.
 */
public record TruncatedStudentT(double scale, double lower, double upper) {

    public TruncatedStudentT {
        if (!(scale > 0) || !(lower < upper)) {
            throw new IllegalArgumentException("need scale > 0 and lower < upper: " + scale + ", " + lower + ", " + upper);
        }
    }

    /** The continuity prior: ν = 2, scale 0.3, on [−5, 5]. */
    public static TruncatedStudentT continuityPrior() {
        return new TruncatedStudentT(0.3, -5.0, 5.0);
    }

    /** ln t₂(x − centre; scale), not renormalised; −∞ outside the bounds. */
    public double lnDensityUntruncated(double x, double centre) {
        if (!(x >= lower && x <= upper)) {
            return Double.NEGATIVE_INFINITY;
        }
        return StudentT2.logDensity(x, centre, scale);
    }

    /** ln of the density renormalised to [lower, upper]; −∞ outside. */
    public double lnDensity(double x, double centre) {
        double untruncated = lnDensityUntruncated(x, centre);
        if (untruncated == Double.NEGATIVE_INFINITY) {
            return untruncated;
        }
        double mass = StudentT2.cdf((upper - centre) / scale) - StudentT2.cdf((lower - centre) / scale);
        return untruncated - Math.log(mass);
    }
}
