package org.popstream.inference.prior.population;

/**
 * Piecewise-linear interpolation on increasing nodes, constant beyond both ends (numpy {@code interp}
 * semantics, which the published priors use).
 */
final class LinearInterpolation {
    private final double[] x;
    private final double[] y;

    LinearInterpolation(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need ≥ 2 nodes of equal length, got " + x.length + " and " + y.length);
        }
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("nodes must increase strictly; node " + i + " = " + x[i]);
            }
        }
        this.x = x.clone();
        this.y = y.clone();
    }

    double value(double at) {
        if (at <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (at >= x[last]) {
            return y[last];
        }
        int i = java.util.Arrays.binarySearch(x, at);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (at - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }
}
