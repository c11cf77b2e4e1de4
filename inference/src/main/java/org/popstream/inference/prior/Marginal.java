package org.popstream.inference.prior;

import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A one-dimensional, normalised density on [lower, upper]; the analytic prior is a product of these. */
interface Marginal {
    double lower();

    double upper();

    /** log-density inside the bounds (the caller handles the outside). */
    double logDensity(double x);

    /** Same as {@link #logDensity(double)} for a tensor of values, inside the bounds. */
    Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> x);

    double sample(RandomGenerator random);

    String describe();
}
