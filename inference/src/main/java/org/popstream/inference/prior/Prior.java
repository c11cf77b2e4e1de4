package org.popstream.inference.prior;

import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A prior over the sampler's parameter space. The sampler and the initialisation only see this
 * interface, so a learned population prior (science.md §4) plugs in by implementing it: it adds its
 * own TensorFlow ops for the log-density and draws its own samples.
 */
public interface Prior {

    /** Box that contains the support; proposals outside it are rejected without evaluating the model. */
    Bounds bounds();

    /**
     * Adds ops computing the log-density of every point; {@code theta} has shape [..., D] and the
     * result [...]. Points outside the support give −∞.
     */
    Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> theta);

    /** Reference log-density in double precision (tests, importance weights). */
    double logDensity(double[] theta);

    /** One independent draw (initialisation bank, mocks). */
    double[] sample(RandomGenerator random);

    /** Name and options, reported with every result, e.g. {@code analytic(zmax=6)}. */
    String description();

    default int dimension() {
        return bounds().dimension();
    }
}
