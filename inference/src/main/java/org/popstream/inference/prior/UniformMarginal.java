package org.popstream.inference.prior;

import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

record UniformMarginal(double lower, double upper) implements Marginal {
    @Override
    public double logDensity(double x) {
        return -Math.log(upper - lower);
    }

    @Override
    public Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> x) {
        return tf.fill(tf.shape(x), tf.constant((float) logDensity(0)));
    }

    @Override
    public double sample(RandomGenerator random) {
        return lower + (upper - lower) * random.nextDouble();
    }

    @Override
    public String describe() {
        return "U[" + lower + ", " + upper + "]";
    }
}
