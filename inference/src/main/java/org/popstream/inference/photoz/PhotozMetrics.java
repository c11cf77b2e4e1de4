package org.popstream.inference.photoz;

import java.util.Arrays;
import java.util.List;

/**
 * Photo-z quality against spectroscopic redshifts (science.md §8): Δ = (z_phot − z_spec)/(1 + z_spec),
 * bias = median Δ, σ_NMAD = 1.48·median|Δ|, outliers |Δ| > 0.15; plus coverage of z_spec by the central
 * 68 % / 95 % intervals and the share of outliers whose z_phot < 1 (low-z impostors).
 */
public record PhotozMetrics(int galaxies, int failed, double bias, double sigmaNmad, double outlierFraction,
        double coverage68, double coverage95, double outliersBelowZ1) {

    public static final double OUTLIER_THRESHOLD = 0.15;

    public static PhotozMetrics of(List<RedshiftEstimate> estimates, double[] specZ) {
        int n = 0;
        int failed = 0;
        double[] delta = new double[estimates.size()];
        double[] absDelta = new double[estimates.size()];
        int outliers = 0;
        int lowOutliers = 0;
        int in68 = 0;
        int in95 = 0;
        for (int i = 0; i < estimates.size(); i++) {
            RedshiftEstimate e = estimates.get(i);
            if (!e.isValid()) {
                failed++;
                continue;
            }
            double d = (e.median() - specZ[i]) / (1 + specZ[i]);
            delta[n] = d;
            absDelta[n] = Math.abs(d);
            n++;
            if (Math.abs(d) > OUTLIER_THRESHOLD) {
                outliers++;
                if (e.median() < 1) {
                    lowOutliers++;
                }
            }
            in68 += specZ[i] >= e.p16() && specZ[i] <= e.p84() ? 1 : 0;
            in95 += specZ[i] >= e.p2_5() && specZ[i] <= e.p97_5() ? 1 : 0;
        }
        if (n == 0) {
            return new PhotozMetrics(0, failed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new PhotozMetrics(n, failed, median(delta, n), 1.48 * median(absDelta, n), outliers / (double) n,
                in68 / (double) n, in95 / (double) n, outliers == 0 ? 0.0 : lowOutliers / (double) outliers);
    }

    private static double median(double[] values, int n) {
        double[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
