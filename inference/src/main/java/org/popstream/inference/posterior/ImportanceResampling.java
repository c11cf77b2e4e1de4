package org.popstream.inference.posterior;

import java.util.random.RandomGenerator;

/** Systematic resampling of weighted points, refused when the weights are too concentrated. */
final class ImportanceResampling {

    private ImportanceResampling() {}

    /** Kish effective sample size of log weights (−∞ and NaN count as zero weight). */
    static double effectiveSampleSize(double[] logWeights) {
        double max = max(logWeights);
        if (!Double.isFinite(max)) {
            return 0;
        }
        double sum = 0;
        double sum2 = 0;
        for (double lw : logWeights) {
            double w = Double.isNaN(lw) ? 0 : Math.exp(lw - max);
            sum += w;
            sum2 += w * w;
        }
        return sum * sum / sum2;
    }

    /**
     * Indices of {@code count} points drawn in proportion to {@code exp(logWeights)} by systematic
     * resampling, or {@code null} when the effective sample size is below {@code minEss}.
     */
    static int[] resampleIndices(double[] logWeights, int count, double minEss, RandomGenerator random) {
        if (effectiveSampleSize(logWeights) < minEss) {
            return null;
        }
        double max = max(logWeights);
        double[] w = new double[logWeights.length];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] = Double.isNaN(logWeights[j]) ? 0 : Math.exp(logWeights[j] - max);
            sum += w[j];
        }
        int[] picked = new int[count];
        double u = random.nextDouble() / count;
        double cumulative = w[0];
        int j = 0;
        for (int k = 0; k < count; k++) {
            double target = (u + (double) k / count) * sum;
            while (j < w.length - 1 && cumulative < target) {
                cumulative += w[++j];
            }
            picked[k] = j;
        }
        return picked;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
