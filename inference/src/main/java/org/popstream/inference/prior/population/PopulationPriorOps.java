package org.popstream.inference.prior.population;

import org.popstream.inference.physics.StarFormationHistory;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The enabled population terms as float32 TensorFlow ops, for the sampler's hot path. Closed forms
 * where they exist (Φ, Student-t, truncated normal); everything needing an integral is tabulated once in
 * double on a uniform grid and interpolated linearly (ln dVc/dz − 2 ln z and ln age in z with step 1e-3,
 * ρ₁..ρ₆ in log10 t_s with the {@link DynamicSfhPrior}'s nodes). Matches {@link PopulationPrior} to
 * float32 rounding (tested).
 */
public final class PopulationPriorOps {
    private static final double GRID_STEP = 1e-3;
    private static final double LN10 = Math.log(10.0);

    private final PopulationPrior prior;
    private final UniformGridOps lnVolumeRemainder;
    private final UniformGridOps lnAge;
    private final UniformGridOps expectedRatios;
    private final double[] mzrMass;
    private final double[] mzrCentre;
    private final double[] mzrWidth;

    public PopulationPriorOps(PopulationPrior prior, ExpansionHistory cosmology) {
        if (prior.settings().massArgument() != MassArgument.FORMED) {
            throw new IllegalArgumentException("the TensorFlow prior supports the formed-mass argument only "
                    + "(the surviving mass needs the stellar-mass emulator inside the graph)");
        }
        this.prior = prior;
        double zMax = prior.settings().box().zMax();
        int n = (int) Math.ceil(zMax / GRID_STEP) + 1;
        double[] remainder = new double[n];
        double[] logAge = new double[n];
        ComovingVolumeElement volume = new ComovingVolumeElement(cosmology);
        // z → 0: D_C → D_H z and E → 1, so dVc/dz / z² → D_H³
        remainder[0] = 3.0 * Math.log(cosmology.hubbleDistanceMpc());
        for (int i = 0; i < n; i++) {
            double z = i * GRID_STEP;
            if (i > 0) {
                remainder[i] = volume.lnDVdz(z) - 2.0 * Math.log(z);
            }
            logAge[i] = Math.log10(cosmology.ageGyr(z));
        }
        this.lnVolumeRemainder = UniformGridOps.singleColumn(0.0, GRID_STEP, remainder);
        this.lnAge = UniformGridOps.singleColumn(0.0, GRID_STEP, logAge);
        this.expectedRatios = prior.sfh() == null ? null
                : new UniformGridOps(prior.sfh().logAgeStart(), prior.sfh().logAgeStep(), prior.sfh().ratioTable());
        MassMetallicityRelation mzr = prior.massMetallicity();
        this.mzrMass = mzr.massNodes();
        this.mzrCentre = new double[mzrMass.length];
        this.mzrWidth = new double[mzrMass.length];
        for (int i = 0; i < mzrMass.length; i++) {
            mzrCentre[i] = mzr.centre(mzrMass[i]);
            mzrWidth[i] = mzr.width(mzrMass[i]);
        }
    }

    /**
     * Σ of the enabled terms for every point. Inputs have any common shape [...]; {@code ratios} has
     * shape [..., 6]. Support checks on the parameter box are the caller's (the analytic prior's bounds).
     */
    public Operand<TFloat32> lnDensity(Ops tf, Operand<TFloat32> z, Operand<TFloat32> mu, Operand<TFloat32> log10Z,
            Operand<TFloat32> ratios) {
        Operand<TFloat32> sum = tf.math.mul(z, tf.constant(0f));
        PopulationPriorSettings settings = prior.settings();
        if (settings.has(PopulationTerm.ZMASS)) {
            sum = tf.math.add(sum, redshiftMass(tf.withSubScope("zmass"), z, mu));
        }
        if (settings.has(PopulationTerm.MZR)) {
            sum = tf.math.add(sum, massMetallicity(tf.withSubScope("mzr"), mu, log10Z));
        }
        if (settings.has(PopulationTerm.SFH)) {
            sum = tf.math.add(sum, dynamicSfh(tf.withSubScope("sfh"), z, mu, ratios));
        }
        return sum;
    }

    private Operand<TFloat32> redshiftMass(Ops tf, Operand<TFloat32> z, Operand<TFloat32> mu) {
        Operand<TFloat32> zc = tf.clipByValue(z, tf.constant((float) LejaStellarMassFunction.Z_LOW),
                tf.constant((float) LejaStellarMassFunction.Z_HIGH));
        LejaStellarMassFunction smf = new LejaStellarMassFunction();
        Operand<TFloat32> logPhi1 = quadratic(tf, zc, smf, LejaStellarMassFunction.Parameters::logPhi1);
        Operand<TFloat32> logPhi2 = quadratic(tf, zc, smf, LejaStellarMassFunction.Parameters::logPhi2);
        Operand<TFloat32> logMstar = quadratic(tf, zc, smf, LejaStellarMassFunction.Parameters::logMstar);
        Operand<TFloat32> x = tf.math.sub(mu, logMstar);
        Operand<TFloat32> a = tf.math.mul(tf.constant((float) LN10),
                tf.math.add(logPhi1, tf.math.mul(x, tf.constant((float) (LejaStellarMassFunction.ALPHA1 + 1)))));
        Operand<TFloat32> b = tf.math.mul(tf.constant((float) LN10),
                tf.math.add(logPhi2, tf.math.mul(x, tf.constant((float) (LejaStellarMassFunction.ALPHA2 + 1)))));
        Operand<TFloat32> max = tf.math.maximum(a, b);
        Operand<TFloat32> logSum = tf.math.add(max, tf.math.log(tf.math.add(
                tf.math.exp(tf.math.sub(a, max)), tf.math.exp(tf.math.sub(b, max)))));
        Operand<TFloat32> lnPhi = tf.math.sub(tf.math.add(tf.constant((float) Math.log(LN10)), logSum),
                tf.math.exp(tf.math.mul(x, tf.constant((float) LN10))));
        Operand<TFloat32> lnVolume = tf.math.add(tf.math.mul(tf.constant(2f), tf.math.log(z)),
                lnVolumeRemainder.interpolate(tf, z));
        return tf.math.sub(tf.math.add(lnPhi, lnVolume), tf.constant((float) prior.redshiftMass().lnNormaliser()));
    }

    /** The quadratic through the anchors, fitted in double at three points and evaluated as c0 + c1 z + c2 z². */
    private static Operand<TFloat32> quadratic(Ops tf, Operand<TFloat32> z, LejaStellarMassFunction smf,
            java.util.function.ToDoubleFunction<LejaStellarMassFunction.Parameters> parameter) {
        double z0 = LejaStellarMassFunction.Z_LOW;
        double z1 = LejaStellarMassFunction.Z_MID;
        double z2 = LejaStellarMassFunction.Z_HIGH;
        double y0 = parameter.applyAsDouble(smf.parameters(z0));
        double y1 = parameter.applyAsDouble(smf.parameters(z1));
        double y2 = parameter.applyAsDouble(smf.parameters(z2));
        // Newton form through (z0, y0), (z1, y1), (z2, y2); the spacings 1.4 and 2.8 stay decimal literals:
        // 1.6 − 0.2 is not exactly 1.4 in binary, and the difference would move the coefficients' rounding
        double d1 = (y1 - y0) / 1.4;
        double d2 = ((y2 - y1) / 1.4 - d1) / 2.8;
        double c2 = d2;
        double c1 = d1 - d2 * (z0 + z1);
        double c0 = y0 - d1 * z0 + d2 * z0 * z1;
        return tf.math.add(tf.constant((float) c0),
                tf.math.mul(z, tf.math.add(tf.constant((float) c1), tf.math.mul(z, tf.constant((float) c2)))));
    }

    /** Piecewise-linear interpolation through few nodes as a sum of clipped ramps, flat beyond both ends. */
    private Operand<TFloat32> piecewiseLinear(Ops tf, Operand<TFloat32> x, double[] nodes, double[] values) {
        int segments = nodes.length - 1;
        float[] lo = new float[segments];
        float[] hi = new float[segments];
        float[] slope = new float[segments];
        for (int i = 0; i < segments; i++) {
            lo[i] = (float) nodes[i];
            hi[i] = (float) nodes[i + 1];
            slope[i] = (float) ((values[i + 1] - values[i]) / (nodes[i + 1] - nodes[i]));
        }
        Operand<TFloat32> xs = tf.expandDims(x, tf.constant(-1));
        Operand<TFloat32> ramp = tf.math.sub(tf.math.minimum(tf.math.maximum(xs, tf.constant(lo)), tf.constant(hi)),
                tf.constant(lo));
        return tf.math.add(tf.constant((float) values[0]),
                tf.reduceSum(tf.math.mul(ramp, tf.constant(slope)), tf.constant(-1)));
    }

    private Operand<TFloat32> massMetallicity(Ops tf, Operand<TFloat32> mu, Operand<TFloat32> log10Z) {
        Operand<TFloat32> m = piecewiseLinear(tf, mu, mzrMass, mzrCentre);
        Operand<TFloat32> s = piecewiseLinear(tf, mu, mzrMass, mzrWidth);
        Operand<TFloat32> u = tf.math.div(tf.math.sub(log10Z, m), s);
        float invSqrt2 = (float) (1.0 / Math.sqrt(2.0));
        Operand<TFloat32> upper = tf.math.erf(tf.math.mul(tf.math.div(tf.math.sub(tf.constant((float) MassMetallicityRelation.UPPER), m), s),
                tf.constant(invSqrt2)));
        Operand<TFloat32> lower = tf.math.erf(tf.math.mul(tf.math.div(tf.math.sub(tf.constant((float) MassMetallicityRelation.LOWER), m), s),
                tf.constant(invSqrt2)));
        Operand<TFloat32> lnMass = tf.math.log(tf.math.mul(tf.constant(0.5f), tf.math.sub(upper, lower)));
        return tf.math.sub(tf.math.sub(tf.math.mul(tf.constant(-0.5f), tf.math.square(u)),
                        tf.constant((float) (0.5 * Math.log(2 * Math.PI)))),
                tf.math.add(tf.math.log(s), lnMass));
    }

    private Operand<TFloat32> dynamicSfh(Ops tf, Operand<TFloat32> z, Operand<TFloat32> mu, Operand<TFloat32> ratios) {
        SfhExpectation expectation = prior.sfh().expectation();
        double low = expectation.massShiftDex(0.0);
        double high = expectation.massShiftDex(100.0);
        // Δ(μ) linear from (9, low) to (12, high), flat outside
        Operand<TFloat32> w = tf.clipByValue(tf.math.div(
                        tf.math.sub(mu, tf.constant((float) SfhExpectation.MU_SHIFT_LOW)),
                        tf.constant((float) (SfhExpectation.MU_SHIFT_HIGH - SfhExpectation.MU_SHIFT_LOW))),
                tf.constant(0f), tf.constant(1f));
        Operand<TFloat32> shift = tf.math.add(tf.constant((float) low), tf.math.mul(w, tf.constant((float) (high - low))));
        Operand<TFloat32> logShiftedAge = tf.math.add(lnAge.interpolate(tf, z), shift);
        Operand<TFloat32> rho = expectedRatios.interpolate(tf, logShiftedAge); // clamps to [age(10), age(0.15)]
        TruncatedStudentT t = prior.sfh().ratioPrior();
        float inverseScale = (float) (1.0 / t.scale());
        Operand<TFloat32> u = tf.math.mul(tf.math.sub(ratios, rho), tf.constant(inverseScale));
        Operand<TFloat32> kernel = tf.math.mul(tf.constant(-1.5f),
                tf.math.log1p(tf.math.mul(tf.constant(0.5f), tf.math.square(u))));
        Operand<TFloat32> mass = tf.math.sub(
                studentCdf(tf, tf.math.mul(tf.math.sub(tf.constant((float) t.upper()), rho), tf.constant(inverseScale))),
                studentCdf(tf, tf.math.mul(tf.math.sub(tf.constant((float) t.lower()), rho), tf.constant(inverseScale))));
        Operand<TFloat32> perRatio = tf.math.sub(kernel, tf.math.log(mass));
        float norm = (float) (-Math.log(2.0 * Math.sqrt(2.0) * t.scale()));
        return tf.math.add(tf.reduceSum(perRatio, tf.constant(-1)), tf.constant((StarFormationHistory.RATIOS) * norm));
    }

    private static Operand<TFloat32> studentCdf(Ops tf, Operand<TFloat32> t) {
        return tf.math.add(tf.constant(0.5f), tf.math.div(t,
                tf.math.mul(tf.constant(2f), tf.math.sqrt(tf.math.add(tf.constant(2f), tf.math.square(t))))));
    }
}
