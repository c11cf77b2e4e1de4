package org.popstream.inference.summary;

import java.util.Arrays;

/**
 * Photometric-redshift quality of science.md §8: Δ = (z_phot − z_spec)/(1 + z_spec),
 * bias = median Δ, σ_NMAD = 1.48 · median |Δ|, outliers = share with |Δ| > 0.15.
 */
public record PhotoZMetrics(int count, double bias, double sigmaNmad, double outlierFraction) {

    public static final double OUTLIER_THRESHOLD = 0.15;

    public static PhotoZMetrics of(double[] zPhot, double[] zSpec) {
        if (zPhot.length != zSpec.length || zPhot.length == 0) {
            throw new IllegalArgumentException("need equally many (> 0) photometric and spectroscopic redshifts");
        }
        int n = zPhot.length;
        double[] delta = new double[n];
        double[] abs = new double[n];
        int outliers = 0;
        for (int i = 0; i < n; i++) {
            delta[i] = (zPhot[i] - zSpec[i]) / (1 + zSpec[i]);
            abs[i] = Math.abs(delta[i]);
            outliers += abs[i] > OUTLIER_THRESHOLD ? 1 : 0;
        }
        return new PhotoZMetrics(n, median(delta), 1.48 * median(abs), outliers / (double) n);
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
