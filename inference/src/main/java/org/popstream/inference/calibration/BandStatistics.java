package org.popstream.inference.calibration;

import static org.popstream.inference.calibration.WeightedRobustStatistics.MAD_TO_SIGMA;
import static org.popstream.inference.calibration.WeightedRobustStatistics.MEDIAN_EFFICIENCY;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * One band's residual statistics over the training set in one iteration.
 *
 * @param nUsed               measurements whose model S/N (μ/σ) passes the cut
 * @param medianRatio         median of observed / model flux weighted by the model S/N
 * @param relativeUncertainty 1σ of that median: the larger of √(π/2)·1.4826·weighted MAD / √n_eff (scatter)
 *                            and √(π/2)·√n / Σ S/N (quoted photometric errors)
 * @param errorFloor          fractional floor ε that makes the robust σ of (f̂ − μ)/√(σ² + ε²μ²) one
 */
record BandStatistics(int nUsed, double medianRatio, double relativeUncertainty, double errorFloor) {

    static BandStatistics of(int band, double[][] observed, double[][] errors, double[][] model, double currentFloor,
            double minSignalToNoise) {
        int galaxies = observed.length;
        double[] ratio = new double[galaxies];
        double[] weight = new double[galaxies];
        double[] flux = new double[galaxies];
        double[] sigma = new double[galaxies];
        double[] mu = new double[galaxies];
        int n = 0;
        for (int g = 0; g < galaxies; g++) {
            double f = observed[g][band];
            double s = errors[g][band];
            double m = model[g] == null ? Double.NaN : model[g][band];
            if (!Double.isFinite(f) || !(s > 0) || !(m > 0)) {
                continue;
            }
            // S/N of the model, not of the data: weighting or cutting on the noisy observed flux would
            // favour upward fluctuations and bias the median ratio high by about (σ/f)².
            double snr = m / s;
            if (snr < minSignalToNoise) {
                continue;
            }
            ratio[n] = f / m;
            weight[n] = snr;
            flux[n] = f;
            sigma[n] = s;
            mu[n] = m;
            n++;
        }
        if (n == 0) {
            return new BandStatistics(0, 1.0, Double.NaN, currentFloor);
        }
        double median = WeightedRobustStatistics.weightedMedian(ratio, weight, n);
        double mad = WeightedRobustStatistics.weightedMad(ratio, weight, n, median);
        double fromScatter = MEDIAN_EFFICIENCY * MAD_TO_SIGMA * mad / median
                / Math.sqrt(WeightedRobustStatistics.effectiveSize(weight, n));
        // The fit pulls the model towards the data, so the ratios scatter less than the photometric
        // noise: also propagate the quoted errors (ratio i has 1σ = 1/weight_i) and keep the larger.
        double sumWeights = 0;
        for (int i = 0; i < n; i++) {
            sumWeights += weight[i];
        }
        double fromErrors = MEDIAN_EFFICIENCY * Math.sqrt(n) / sumWeights;
        double relative = Math.max(fromScatter, fromErrors);
        return new BandStatistics(n, median, relative, errorFloor(flux, sigma, mu, n));
    }

    /** Robust σ of the normalised residuals for a trial floor ε. */
    private static double normalisedScatter(double[] f, double[] s, double[] m, int n, double floor) {
        double[] residual = new double[n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = (f[i] - m[i]) / Math.sqrt(s[i] * s[i] + floor * floor * m[i] * m[i]);
            ones[i] = 1.0;
        }
        double centre = WeightedRobustStatistics.weightedMedian(residual, ones, n);
        return MAD_TO_SIGMA * WeightedRobustStatistics.weightedMad(residual, ones, n, centre);
    }

    private static double errorFloor(double[] f, double[] s, double[] m, int n) {
        if (n < 5 || normalisedScatter(f, s, m, n, 0.0) <= 1.0) {
            return 0.0;
        }
        double upper = 1.0;
        if (normalisedScatter(f, s, m, n, upper) > 1.0) {
            return upper;
        }
        // the scatter falls monotonically as the floor grows: one root in (0, 1]
        return new BrentSolver(1e-6).solve(200, e -> normalisedScatter(f, s, m, n, e) - 1.0, 0.0, upper);
    }
}
