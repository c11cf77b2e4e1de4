package org.popstream.inference.startup;

import java.util.random.RandomGenerator;

/** Systematic resampling of weighted points, refused when the weights are too concentrated. */
final class ImportanceResampling {

    private ImportanceResampling() {}

    /** Kish effective sample size of log weights (−∞ and NaN count as zero weight). */
    static double effectiveSampleSize(double[] logWeights) {
        double[] w = relativeWeights(logWeights);
        return w == null ? 0 : effectiveSampleSizeOf(w);
    }

    /**
     * Indices of {@code count} points drawn in proportion to {@code exp(logWeights)} by systematic
     * resampling, or {@code null} when the effective sample size is below {@code minEss} (or no
     * weight is positive).
     */
    static int[] resampleIndices(double[] logWeights, int count, double minEss, RandomGenerator random) {
        double[] w = relativeWeights(logWeights);
        if (w == null || effectiveSampleSizeOf(w) < minEss) {
            return null;
        }
        double sum = 0;
        for (double wj : w) {
            sum += wj;
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

    /** exp(log weight − largest log weight), NaN as 0; null when no log weight is finite. */
    private static double[] relativeWeights(double[] logWeights) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logWeights) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(max)) {
            return null;
        }
        double[] w = new double[logWeights.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = Double.isNaN(logWeights[j]) ? 0 : Math.exp(logWeights[j] - max);
        }
        return w;
    }

    private static double effectiveSampleSizeOf(double[] w) {
        double sum = 0;
        double sum2 = 0;
        for (double wj : w) {
            sum += wj;
            sum2 += wj * wj;
        }
        return sum * sum / sum2;
    }
}
