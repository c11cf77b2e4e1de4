package org.popstream.inference.likelihood;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Student-t (ν = 2) photometric likelihood of science.md §3 as TensorFlow ops: detections (any
 * sign) use the density, non-detections the CDF at the upper limit, missing bands contribute
 * nothing. Model fluxes are scaled by the zero points and the error floor (and, when given, the
 * emission-line error) widens the scale.
 */
public final class StudentTLikelihood {

    private final LikelihoodCalibration calibration;

    public StudentTLikelihood(LikelihoodCalibration calibration) {
        this.calibration = calibration;
    }

    /** The observations of one batch as graph operands, each [galaxies, bands]. */
    public record ObservationOps(
            Operand<TFloat32> flux, Operand<TFloat32> error, Operand<TFloat32> detected,
            Operand<TFloat32> upperLimited, Operand<TFloat32> limit) {}

    /**
     * @param modelFlux emulator fluxes in nanomaggies, [..., galaxies, bands]
     * @return ln L per point, [..., galaxies]
     */
    public Operand<TFloat32> logLikelihood(Ops tf, Operand<TFloat32> modelFlux, ObservationOps obs) {
        return logLikelihood(tf, modelFlux, null, obs);
    }

    /**
     * With the emission-line error of science.md §3: {@code s² = σ² + (ε μ)² + (ZP σ_EM)²}. σ_EM is in model
     * flux units, so the zero point scales it like the model flux (as upstream scales the whole model
     * uncertainty by the zero point).
     *
     * @param modelFlux         emulator fluxes in nanomaggies, [..., galaxies, bands]
     * @param emissionLineSigma σ_EM in nanomaggies, same shape; null for none
     * @return ln L per point, [..., galaxies]
     */
    public Operand<TFloat32> logLikelihood(Ops tf, Operand<TFloat32> modelFlux, Operand<TFloat32> emissionLineSigma,
                                           ObservationOps obs) {
        Operand<TFloat32> zeroPoints = tf.constant(toFloat(calibration.zeroPoints()));
        Operand<TFloat32> mu = tf.math.mul(modelFlux, zeroPoints);
        Operand<TFloat32> floorTerm = tf.math.square(tf.math.mul(mu, tf.constant(toFloat(calibration.errorFloors()))));
        Operand<TFloat32> s2 = tf.math.add(tf.math.square(obs.error()), floorTerm);
        if (emissionLineSigma != null) {
            s2 = tf.math.add(s2, tf.math.square(tf.math.mul(emissionLineSigma, zeroPoints)));
        }

        // detected: −ln(2√2 s) − 1.5 ln(1 + (f̂ − μ)² / (2 s²))
        Operand<TFloat32> r2 = tf.math.div(tf.math.squaredDifference(obs.flux(), mu), s2);
        Operand<TFloat32> detectedTerm = tf.math.sub(
                tf.math.mul(tf.constant(-0.5f), tf.math.log(tf.math.mul(s2, tf.constant(8f)))),
                tf.math.mul(tf.constant(1.5f), tf.math.log1p(tf.math.mul(r2, tf.constant(0.5f)))));

        // upper limit: ln(½ + t / (2√(2 + t²))), t = (u − μ)/s, in a form that survives the far tail
        Operand<TFloat32> t = tf.math.div(tf.math.sub(obs.limit(), mu), tf.math.sqrt(s2));
        // Each branch only ever sees its own half-line, so neither value nor gradient can be NaN.
        Operand<TFloat32> tLow = tf.math.minimum(t, tf.constant(0f));
        Operand<TFloat32> tHigh = tf.math.maximum(t, tf.constant(0f));
        Operand<TFloat32> rLow = tf.math.sqrt(tf.math.add(tf.math.square(tLow), tf.constant(2f)));
        Operand<TFloat32> rHigh = tf.math.sqrt(tf.math.add(tf.math.square(tHigh), tf.constant(2f)));
        Operand<TFloat32> lowerTail = tf.math.neg(tf.math.add(tf.math.log(rLow), tf.math.log(tf.math.sub(rLow, tLow))));
        Operand<TFloat32> upperTail = tf.math.log1p(tf.math.neg(tf.math.reciprocal(tf.math.mul(rHigh, tf.math.add(rHigh, tHigh)))));
        Operand<TFloat32> limitTerm = tf.select(tf.math.less(t, tf.constant(0f)), lowerTail, upperTail);

        Operand<TFloat32> zeros = tf.zerosLike(detectedTerm);
        Operand<TFloat32> perBand = tf.math.add(
                tf.select(mask(tf, obs.detected(), detectedTerm), detectedTerm, zeros),
                tf.select(mask(tf, obs.upperLimited(), limitTerm), limitTerm, zeros));
        return tf.reduceSum(perBand, tf.math.sub(tf.rank(perBand), tf.constant(1)));
    }

    /** Selecting (rather than multiplying by 0/1) keeps a masked −∞ from turning into NaN. */
    private static Operand<TBool> mask(Ops tf, Operand<TFloat32> flags, Operand<TFloat32> like) {
        return tf.broadcastTo(tf.math.greater(flags, tf.constant(0f)), tf.shape(like));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    public LikelihoodCalibration calibration() {
        return calibration;
    }
}
