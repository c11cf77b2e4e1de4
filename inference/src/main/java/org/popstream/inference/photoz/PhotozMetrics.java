package org.popstream.inference.photoz;

import java.util.Arrays;
import java.util.List;
import org.popstream.inference.summary.PhotoZMetrics;

/**
 * Photo-z quality against spectroscopic redshifts: the {@link PhotoZMetrics} of science.md §8 (bias,
 * σ_NMAD, outliers |Δ| > 0.15) over the galaxies with a valid estimate, plus coverage of z_spec by the
 * central 68 % / 95 % intervals and the share of outliers whose z_phot < 1 (low-z impostors).
 */
public record PhotozMetrics(int galaxies, int failed, double bias, double sigmaNmad, double outlierFraction,
        double coverage68, double coverage95, double outliersBelowZ1) {

    public static PhotozMetrics of(List<RedshiftEstimate> estimates, double[] specZ) {
        int n = 0;
        int failed = 0;
        double[] zPhot = new double[estimates.size()];
        double[] zSpec = new double[estimates.size()];
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
            zPhot[n] = e.median();
            zSpec[n] = specZ[i];
            n++;
            if (Math.abs((e.median() - specZ[i]) / (1 + specZ[i])) > PhotoZMetrics.OUTLIER_THRESHOLD) {
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
        PhotoZMetrics quality = PhotoZMetrics.of(Arrays.copyOf(zPhot, n), Arrays.copyOf(zSpec, n));
        return new PhotozMetrics(n, failed, quality.bias(), quality.sigmaNmad(), quality.outlierFraction(),
                in68 / (double) n, in95 / (double) n, outliers == 0 ? 0.0 : lowOutliers / (double) outliers);
    }
}
