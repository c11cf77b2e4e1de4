package org.popstream.inference.prior.learned;

import java.util.List;
import org.hipparchus.special.Erf;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.ParameterSpace;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Between the sampler's parameters θ = (log10 M_formed, θ1..θ15) ({@link ParameterSpace}) and the
 * coordinates x of the pop-cosmos population model.
 *
 * <p>x₀ = N = distmod(z) − 2.5 log10 M_formed (models/pop-cosmos/README.md: the population model's first
 * parameter is N, not log M). x₁..x₁₅ are θ₁..θ₁₅ (dust2 as τ₂ itself, z last) either as they are
 * ({@link BoundedParameterMapping#IDENTITY}) or probit-mapped from the box
 * ({@link BoundedParameterMapping#PROBIT}: u = Φ⁻¹((θ − a)/(b − a))).
 *
 * <p>Density: the map is triangular (N depends on z, but no other x depends on log10 M), so
 * {@code log p_θ(θ) = log p_x(x(θ)) + log 2.5 + Σ_j log|du_j/dθ_j|} with, for PROBIT,
 * {@code log|du/dθ| = −log(b − a) + u²/2 + log √(2π)}.
 *
 * <p>Assumed, not verified against the published file (not reachable here): which mapping and which
 * bounds the published population model uses. The synthetic test models are declared to live in a
 * probit-transformed space, and their samples cover the whole real line in every coordinate (z from
 * −8.6 to 3.7), which only a mapping like PROBIT makes a density over the box; we map all 15 bounded
 * parameters with the analytic prior's bounds.
 */
public final class PopulationCoordinates {

    private static final double LOG_2_5 = Math.log(2.5);
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private static final int MASS = ParameterSpace.LOG10_MASS;
    private static final int Z = ParameterSpace.REDSHIFT;

    private final DistanceModulusTable distanceModulus;
    private final Bounds box;
    private final BoundedParameterMapping mapping;

    public PopulationCoordinates(DistanceModulusTable distanceModulus, Bounds box, BoundedParameterMapping mapping) {
        if (MASS != 0 || box.dimension() != ParameterSpace.DIMENSION) {
            throw new IllegalArgumentException("expected the mass first and " + ParameterSpace.DIMENSION + " bounded parameters");
        }
        this.distanceModulus = distanceModulus;
        this.box = box;
        this.mapping = mapping;
    }

    public BoundedParameterMapping mapping() {
        return mapping;
    }

    /** θ → x. */
    public double[] toModel(double[] theta) {
        double[] x = theta.clone();
        x[MASS] = distanceModulus.distanceModulus(theta[Z]) - 2.5 * theta[MASS];
        if (mapping == BoundedParameterMapping.PROBIT) {
            for (int j = 1; j < x.length; j++) {
                x[j] = -Math.sqrt(2) * Erf.erfcInv(2 * (theta[j] - box.lower(j)) / box.width(j));
            }
        }
        return x;
    }

    /** x → θ. */
    public double[] fromModel(double[] x) {
        double[] theta = x.clone();
        if (mapping == BoundedParameterMapping.PROBIT) {
            for (int j = 1; j < x.length; j++) {
                theta[j] = box.lower(j) + box.width(j) * 0.5 * Erf.erfc(-x[j] / Math.sqrt(2));
            }
        }
        theta[MASS] = (distanceModulus.distanceModulus(theta[Z]) - x[MASS]) / 2.5;
        return theta;
    }

    /** log|det ∂x/∂θ| at θ (x = {@link #toModel(double[])}). */
    public double logJacobian(double[] theta, double[] x) {
        double sum = LOG_2_5;
        if (mapping == BoundedParameterMapping.PROBIT) {
            for (int j = 1; j < x.length; j++) {
                sum += -Math.log(box.width(j)) + 0.5 * x[j] * x[j] + HALF_LOG_TWO_PI;
            }
        }
        return sum;
    }

    /**
     * θ → x as ops on the last axis of any shape [..., 16]: float32 θ in (the sampler's precision), float64
     * x out. The probit is taken in float64, because deep in its tails a float32 Φ⁻¹ moves u enough to
     * change the model's log-density by several units.
     */
    public Operand<TFloat64> toModel(Ops tf, Operand<TFloat32> theta) {
        Operand<TInt32> lastAxis = tf.constant(-1);
        Operand<TFloat64> wide = tf.dtypes.cast(theta, TFloat64.class);
        Operand<TFloat32> z = tf.gather(theta, tf.constant(Z), lastAxis);
        Operand<TFloat64> n = tf.math.sub(tf.dtypes.cast(distanceModulus.distanceModulus(tf, z), TFloat64.class),
                tf.math.mul(tf.constant(2.5), tf.gather(wide, tf.constant(MASS), lastAxis)));
        int[] rest = new int[ParameterSpace.DIMENSION - 1];
        double[] lower = new double[rest.length];
        double[] width = new double[rest.length];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = i + 1;
            lower[i] = box.lower(i + 1);
            width[i] = box.width(i + 1);
        }
        Operand<TFloat64> others = tf.gather(wide, tf.constant(rest), lastAxis);
        if (mapping == BoundedParameterMapping.PROBIT) {
            others = tf.math.ndtri(tf.math.div(tf.math.sub(others, tf.constant(lower)), tf.constant(width)));
        }
        return tf.concat(List.of(tf.expandDims(n, lastAxis), others), lastAxis);
    }

    /** log|det ∂x/∂θ| as ops; {@code x} is the output of {@link #toModel(Ops, Operand)}. */
    public Operand<TFloat64> logJacobian(Ops tf, Operand<TFloat64> x) {
        double constant = LOG_2_5;
        if (mapping == BoundedParameterMapping.IDENTITY) {
            return tf.constant(constant);
        }
        int[] rest = new int[ParameterSpace.DIMENSION - 1];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = i + 1;
            constant += -Math.log(box.width(i + 1)) + HALF_LOG_TWO_PI;
        }
        Operand<TInt32> lastAxis = tf.constant(-1);
        Operand<TFloat64> u = tf.gather(x, tf.constant(rest), lastAxis);
        return tf.math.add(tf.constant(constant), tf.math.mul(tf.constant(0.5), tf.reduceSum(tf.math.square(u), lastAxis)));
    }
}
