package org.popstream.inference.startup;

import java.util.random.RandomGenerator;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** N(mean, sigma) truncated to [lo, hi]: sampling by inversion, density normalised on the interval. */
record TruncatedGaussian(double mean, double sigma, double lo, double hi, double cdfLo, double mass) {

    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    static TruncatedGaussian of(double mean, double sigma, double lo, double hi) {
        double cdfLo = STANDARD.cumulativeProbability((lo - mean) / sigma);
        return new TruncatedGaussian(mean, sigma, lo, hi, cdfLo, STANDARD.cumulativeProbability((hi - mean) / sigma) - cdfLo);
    }

    double sample(RandomGenerator random) {
        if (!(mass > 1e-12)) { // the Gaussian lies beyond a wall: its truncation is a point mass there
            return Math.min(hi, Math.max(lo, mean));
        }
        double x = mean + sigma * STANDARD.inverseCumulativeProbability(cdfLo + mass * random.nextDouble());
        return Math.min(hi, Math.max(lo, x));
    }

    double density(double x) {
        if (!(mass > 1e-12)) {
            return 0;
        }
        double r = (x - mean) / sigma;
        return Math.exp(-0.5 * r * r) / (Math.sqrt(2 * Math.PI) * sigma * mass);
    }
}
