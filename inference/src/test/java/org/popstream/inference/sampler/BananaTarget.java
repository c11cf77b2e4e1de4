package org.popstream.inference.sampler;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Haario et al.'s twisted Gaussian ("banana"): x1 ~ N(0, σ²), x2 | x1 ~ N(b (x1² − σ²), 1).
 * Exact moments: E = 0, Var x1 = σ², Var x2 = 1 + 2 b² σ⁴, Cov = 0.
 */
final class BananaTarget implements EnsembleTarget<Void> {
    final double sigma;
    final double b;

    BananaTarget(double sigma, double b) {
        this.sigma = sigma;
        this.b = b;
    }

    double[][] covariance() {
        return new double[][] {{sigma * sigma, 0}, {0, 1 + 2 * b * b * Math.pow(sigma, 4)}};
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public TargetGraph<Void> build(Ops tf, int galaxies) {
        return new TargetGraph<>() {
            @Override
            public Operand<TFloat32> logProbability(Operand<TFloat32> points) {
                Operand<TFloat32> x1 = tf.gather(points, tf.constant(0), tf.constant(-1));
                Operand<TFloat32> x2 = tf.gather(points, tf.constant(1), tf.constant(-1));
                Operand<TFloat32> bend = tf.math.mul(tf.constant((float) b),
                        tf.math.sub(tf.math.square(x1), tf.constant((float) (sigma * sigma))));
                Operand<TFloat32> quad = tf.math.add(
                        tf.math.mul(tf.math.square(x1), tf.constant((float) (1 / (sigma * sigma)))),
                        tf.math.squaredDifference(x2, bend));
                return tf.math.mul(tf.constant(-0.5f), quad);
            }

            @Override
            public void bind(Session session, Void batch) {}
        };
    }
}
