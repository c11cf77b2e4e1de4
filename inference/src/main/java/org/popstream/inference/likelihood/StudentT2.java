package org.popstream.inference.likelihood;

/**
 * The ν = 2 Student-t in closed form (double precision): the per-band likelihood terms of
 * science.md §3 and a sampler for the same noise. Reference for the TensorFlow ops and used by
 * the mock generator.
 */
public final class StudentT2 {
    private StudentT2() {}

    /** ln density of a detected flux {@code observed} given model flux {@code model} and scale {@code s}. */
    public static double logDensity(double observed, double model, double s) {
        double r = (observed - model) / s;
        return -Math.log(2 * Math.sqrt(2) * s) - 1.5 * Math.log1p(r * r / 2);
    }

    /** P(T < t) for standard ν = 2: ½ + t / (2√(2 + t²)). */
    public static double cdf(double t) {
        return 0.5 + t / (2 * Math.sqrt(2 + t * t));
    }

    /** ln P(T < t) for standard ν = 2, written to stay accurate far in the lower tail. */
    public static double logCdf(double t) {
        double r = Math.sqrt(2 + t * t);
        return t < 0 ? -Math.log(r) - Math.log(r - t) : Math.log1p(-1 / (r * (r + t)));
    }

    /** Standard ν = 2 variate by inversion of the CDF ½ + t / (2√(2 + t²)). */
    public static double inverseCdf(double p) {
        double q = 2 * p - 1;
        return q * Math.sqrt(2 / (1 - q * q));
    }
}
