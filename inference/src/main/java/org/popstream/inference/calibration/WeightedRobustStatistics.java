package org.popstream.inference.calibration;

import java.util.Arrays;

/** Weighted median and weighted median absolute deviation (the robust statistics of the calibration). */
final class WeightedRobustStatistics {
    /** 1/Φ⁻¹(3/4): MAD → σ for a normal distribution. */
    static final double MAD_TO_SIGMA = 1.482602218505602;
    /** Asymptotic standard error of a median relative to that of a mean, √(π/2). */
    static final double MEDIAN_EFFICIENCY = Math.sqrt(Math.PI / 2.0);

    private WeightedRobustStatistics() {}

    /** The value where the cumulative weight first reaches half the total (lower weighted median). */
    static double weightedMedian(double[] values, double[] weights, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weights[i];
        }
        double cumulative = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            cumulative += weights[i];
            if (cumulative >= 0.5 * total) {
                // exactly half: average with the next value, as the unweighted median does for even n
                if (cumulative == 0.5 * total && k + 1 < n) {
                    return 0.5 * (values[i] + values[order[k + 1]]);
                }
                return values[i];
            }
        }
        return values[order[n - 1]];
    }

    static double weightedMad(double[] values, double[] weights, int n, double centre) {
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(values[i] - centre);
        }
        return weightedMedian(deviations, weights, n);
    }

    /** Kish's effective sample size (Σw)²/Σw². */
    static double effectiveSize(double[] weights, int n) {
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            sum += weights[i];
            sumSquares += weights[i] * weights[i];
        }
        return sum * sum / sumSquares;
    }
}
