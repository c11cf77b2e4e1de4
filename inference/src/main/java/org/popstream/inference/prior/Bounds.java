package org.popstream.inference.prior;

/** Axis-aligned box [lower, upper] per dimension. */
public record Bounds(double[] lower, double[] upper) {
    public Bounds {
        if (lower.length != upper.length) {
            throw new IllegalArgumentException("lower and upper bounds differ in length");
        }
        for (int d = 0; d < lower.length; d++) {
            if (!(lower[d] < upper[d])) {
                throw new IllegalArgumentException("empty range in dimension " + d + ": [" + lower[d] + ", " + upper[d] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    public int dimension() {
        return lower.length;
    }

    public double lower(int d) {
        return lower[d];
    }

    public double upper(int d) {
        return upper[d];
    }

    public double width(int d) {
        return upper[d] - lower[d];
    }

    public boolean contains(double[] x) {
        for (int d = 0; d < lower.length; d++) {
            if (!(x[d] >= lower[d] && x[d] <= upper[d])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds a coordinate back into [lower, upper] by mirror reflection at the walls (keeps a
     * Gaussian cloud's density smooth near a boundary, unlike clipping which piles mass on it).
     */
    public double reflect(int d, double x) {
        double lo = lower[d];
        double w = upper[d] - lo;
        double t = (x - lo) % (2 * w);
        if (t < 0) {
            t += 2 * w;
        }
        return lo + (t <= w ? t : 2 * w - t);
    }
}
