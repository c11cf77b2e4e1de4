package org.popstream.inference.diffusion;

import java.util.Arrays;

/**
 * How far Hutchinson's one-probe trace estimator scatters around the exact log-density: each point's
 * log-density is estimated once per probe seed and compared with the exact-trace value. The
 * estimator is unbiased (the probe enters only the accumulated divergence, never the trajectory),
 * so the mean error shrinks like 1/√seeds while the spread per point does not.
 *
 * @param standardDeviations per point, the sample standard deviation of the estimates over the seeds
 * @param meanErrors         per point, the mean estimate minus the exact log-density
 * @param meanEvaluations    right-hand-side evaluations per point and solve, averaged
 */
public record HutchinsonSpread(double[] standardDeviations, double[] meanErrors, double meanEvaluations) {

    /**
     * @param exact the exact-trace log-densities of {@code points} (same solver settings or tighter)
     * @param seeds probe seeds 0 … seeds−1, at least 2 for a spread
     */
    public static HutchinsonSpread measure(ProbabilityFlow flow, SolverSettings solver, double[][] points, double[] exact,
            int seeds) {
        if (exact.length != points.length) {
            throw new IllegalArgumentException(points.length + " points but " + exact.length + " exact log-densities");
        }
        if (seeds < 2) {
            throw new IllegalArgumentException("a spread needs at least 2 probe seeds, got " + seeds);
        }
        int n = points.length;
        double[][] byPoint = new double[n][seeds];
        double evaluations = 0;
        for (int s = 0; s < seeds; s++) {
            LogDensityResult r = new DiffusionLogDensity(flow, solver, TraceMode.HUTCHINSON, s).logDensity(points);
            evaluations += Arrays.stream(r.evaluations()).average().orElse(0) / seeds;
            for (int i = 0; i < n; i++) {
                byPoint[i][s] = r.logDensity()[i];
            }
        }
        double[] std = new double[n];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            double m = Arrays.stream(byPoint[i]).average().orElseThrow();
            std[i] = Math.sqrt(Arrays.stream(byPoint[i]).map(v -> (v - m) * (v - m)).sum() / (seeds - 1));
            error[i] = m - exact[i];
        }
        return new HutchinsonSpread(std, error, evaluations);
    }

    public double medianStandardDeviation() {
        double[] sorted = standardDeviations.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public double maxStandardDeviation() {
        return Arrays.stream(standardDeviations).max().orElse(Double.NaN);
    }

    /** The mean over points of {@link #meanErrors}: what is left of a bias after averaging the seeds. */
    public double meanError() {
        return Arrays.stream(meanErrors).average().orElse(Double.NaN);
    }
}
