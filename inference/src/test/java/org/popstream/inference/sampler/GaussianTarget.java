package org.popstream.inference.sampler;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Correlated Gaussian N(μ_g, Σ) per galaxy: each galaxy gets its own mean so that mixing galaxies up would show. */
final class GaussianTarget implements EnsembleTarget<Void> {
    final double[][] means;
    final double[][] covariance;
    private final double[][] precision;

    GaussianTarget(double[][] means, double[][] covariance) {
        this.means = means;
        this.covariance = covariance;
        this.precision = new org.hipparchus.linear.LUDecomposition(
                new org.hipparchus.linear.Array2DRowRealMatrix(covariance)).getSolver().getInverse().getData();
    }

    /** Σ_ij = s_i s_j ρ^|i−j|, scales spanning two decades: hard for a non-affine-invariant sampler. */
    static double[][] correlatedCovariance(int d, double rho) {
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double si = Math.exp(-2.3 + 4.6 * i / (d - 1));
                double sj = Math.exp(-2.3 + 4.6 * j / (d - 1));
                c[i][j] = si * sj * Math.pow(rho, Math.abs(i - j));
            }
        }
        return c;
    }

    @Override
    public int dimension() {
        return covariance.length;
    }

    @Override
    public TargetGraph<Void> build(Ops tf, int galaxies) {
        int d = dimension();
        float[][] mu = new float[galaxies][d];
        for (int g = 0; g < galaxies; g++) {
            for (int i = 0; i < d; i++) {
                mu[g][i] = (float) means[g % means.length][i];
            }
        }
        float[][] p = new float[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p[i][j] = (float) precision[i][j];
            }
        }
        Operand<TFloat32> meanOp = tf.constant(mu);
        Operand<TFloat32> precisionOp = tf.constant(p);
        return new TargetGraph<>() {
            @Override
            public Operand<TFloat32> logProbability(Operand<TFloat32> points) {
                Operand<TFloat32> diff = tf.math.sub(points, meanOp);
                Operand<TFloat32> flat = tf.reshape(diff, tf.constant(new int[] {-1, d}));
                Operand<TFloat32> pd = tf.reshape(tf.linalg.matMul(flat, precisionOp), tf.shape(diff));
                return tf.math.mul(tf.constant(-0.5f), tf.reduceSum(tf.math.mul(diff, pd), tf.constant(-1)));
            }

            @Override
            public void bind(Session session, Void batch) {}
        };
    }
}
