package org.popstream.inference.prior;

import java.util.random.RandomGenerator;
import org.popstream.inference.likelihood.StudentT2;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Student-t with ν = 2, location 0 and the given scale, truncated to [lower, upper]: the continuity
 * prior on log SFR ratios (Leja et al. 2019). ν = 2 has closed-form CDF and inverse CDF, so
 * truncated sampling is exact inversion.
 */
record TruncatedStudentT2Marginal(double scale, double lower, double upper) implements Marginal {

    private double logMass() {
        return Math.log(StudentT2.cdf(upper / scale) - StudentT2.cdf(lower / scale));
    }

    @Override
    public double logDensity(double x) {
        double u = x / scale;
        return -Math.log(2 * Math.sqrt(2) * scale) - 1.5 * Math.log1p(u * u / 2) - logMass();
    }

    @Override
    public Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> x) {
        float norm = (float) (-Math.log(2 * Math.sqrt(2) * scale) - logMass());
        Operand<TFloat32> u2 = tf.math.square(tf.math.mul(x, tf.constant((float) (1 / scale))));
        return tf.math.add(tf.constant(norm),
                tf.math.mul(tf.constant(-1.5f), tf.math.log1p(tf.math.mul(u2, tf.constant(0.5f)))));
    }

    @Override
    public double sample(RandomGenerator random) {
        double pLo = StudentT2.cdf(lower / scale);
        double pHi = StudentT2.cdf(upper / scale);
        return scale * StudentT2.inverseCdf(pLo + (pHi - pLo) * random.nextDouble());
    }

    @Override
    public String describe() {
        return "t2(0, " + scale + ")[" + lower + ", " + upper + "]";
    }
}
