package org.popstream.inference.prior;

import java.util.random.RandomGenerator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Normal(mean, sigma) truncated to [lower, upper]; sampled by inversion of the normal CDF. */
record TruncatedNormalMarginal(double mean, double sigma, double lower, double upper) implements Marginal {

    private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

    private double logNorm() {
        double mass = STANDARD.cumulativeProbability((upper - mean) / sigma)
                - STANDARD.cumulativeProbability((lower - mean) / sigma);
        return Math.log(sigma * Math.sqrt(2 * Math.PI) * mass);
    }

    @Override
    public double logDensity(double x) {
        double u = (x - mean) / sigma;
        return -0.5 * u * u - logNorm();
    }

    @Override
    public Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> u = tf.math.mul(tf.math.sub(x, tf.constant((float) mean)), tf.constant((float) (1 / sigma)));
        return tf.math.sub(tf.math.mul(tf.constant(-0.5f), tf.math.square(u)), tf.constant((float) logNorm()));
    }

    @Override
    public double sample(RandomGenerator random) {
        double pLo = STANDARD.cumulativeProbability((lower - mean) / sigma);
        double pHi = STANDARD.cumulativeProbability((upper - mean) / sigma);
        return mean + sigma * STANDARD.inverseCumulativeProbability(pLo + (pHi - pLo) * random.nextDouble());
    }

    @Override
    public String describe() {
        return "N(" + mean + ", " + sigma + ")[" + lower + ", " + upper + "]";
    }
}
