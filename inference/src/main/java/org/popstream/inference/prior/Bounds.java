package org.popstream.inference.prior;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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

    /** {@link #contains(double[])} in a graph: whether each point (parameters on {@code lastAxis}) lies in the box. */
    public Operand<TBool> contains(Ops tf, Operand<TFloat32> points, Operand<TInt32> lastAxis) {
        float[] lo = new float[lower.length];
        float[] hi = new float[lower.length];
        for (int d = 0; d < lo.length; d++) {
            lo[d] = (float) lower[d];
            hi[d] = (float) upper[d];
        }
        return tf.reduceAll(tf.math.logicalAnd(
                tf.math.greaterEqual(points, tf.constant(lo)), tf.math.lessEqual(points, tf.constant(hi))), lastAxis);
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
