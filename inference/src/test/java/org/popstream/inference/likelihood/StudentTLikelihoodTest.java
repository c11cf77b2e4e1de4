package org.popstream.inference.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.popstream.inference.tensor.GraphRunner;

class StudentTLikelihoodTest {

    // one galaxy, four bands: positive detection, negative detection, upper limit, missing
    private static final float[] FLUX = {12f, -3f, 0f, 0f};
    private static final float[] ERROR = {2f, 1.5f, 1.2f, 1f};
    private static final float[] DETECTED = {1, 1, 0, 0};
    private static final float[] UPPER = {0, 0, 1, 0};
    private static final float[] LIMIT = {0, 0, 1.8f, 0};

    /** science.md §3 written out literally, in double precision. */
    private static double closedForm(double[] model, double[] zp, double[] floor) {
        double total = 0;
        for (int b = 0; b < 4; b++) {
            double mu = zp[b] * model[b];
            double s = Math.sqrt(ERROR[b] * ERROR[b] + floor[b] * mu * floor[b] * mu);
            if (DETECTED[b] > 0) {
                double r = FLUX[b] - mu;
                total += -Math.log(2 * Math.sqrt(2) * s) - 1.5 * Math.log(1 + r * r / (2 * s * s));
            } else if (UPPER[b] > 0) {
                double t = (LIMIT[b] - mu) / s;
                total += Math.log(0.5 + t / (2 * Math.sqrt(2 + t * t)));
            }
        }
        return total;
    }

    private static float[] evaluate(double[][] models, LikelihoodCalibration calibration) {
        float[] flat = new float[models.length * 4];
        for (int i = 0; i < models.length; i++) {
            for (int b = 0; b < 4; b++) {
                flat[i * 4 + b] = (float) models[i][b];
            }
        }
        StudentTLikelihood likelihood = new StudentTLikelihood(calibration);
        // model fluxes [m, 1 galaxy, 4 bands]
        return GraphRunner.evaluate(flat, new long[] {models.length, 1, 4}, (tf, x) -> likelihood.logLikelihood(tf, x,
                new StudentTLikelihood.ObservationOps(
                        tf.constant(new float[][] {FLUX}), tf.constant(new float[][] {ERROR}),
                        tf.constant(new float[][] {DETECTED}), tf.constant(new float[][] {UPPER}),
                        tf.constant(new float[][] {LIMIT}))));
    }

    private static final double[][] MODELS = {
        {12, -3, 0, 1e6},      // exact match; a huge model flux in a missing band must not matter
        {5, 4, 0.5, 0},
        {30, 0.1, 3.5, 0},     // model above the limit
        {11, -2, 25, 0},       // far above the limit: deep lower tail of the CDF
        {-4, 2, -6, 0},        // negative model fluxes (allowed by the maths)
    };

    @Test
    void matchesClosedFormWithoutCalibration() {
        float[] lnL = evaluate(MODELS, LikelihoodCalibration.none(4));
        double[] ones = {1, 1, 1, 1};
        double[] zeros = {0, 0, 0, 0};
        for (int i = 0; i < MODELS.length; i++) {
            double expected = closedForm(MODELS[i], ones, zeros);
            assertEquals(expected, lnL[i], 1e-5 * Math.max(1, Math.abs(expected)), "model " + i);
        }
    }

    @Test
    void zeroPointsAndErrorFloorsEnterAsSpecified() {
        double[] zp = {1.08, 0.95, 1.2, 1.0};
        double[] floor = {0.05, 0.1, 0.02, 0.3};
        float[] lnL = evaluate(MODELS, new LikelihoodCalibration(zp, floor));
        for (int i = 0; i < MODELS.length; i++) {
            double expected = closedForm(MODELS[i], zp, floor);
            assertEquals(expected, lnL[i], 1e-5 * Math.max(1, Math.abs(expected)), "model " + i);
        }
    }

    @Test
    void upperLimitStaysFiniteWhereTheLiteralFormulaUnderflows() {
        // t = (1.8 − 2000)/1.2 ≈ −1665: ½ + t/(2√(2+t²)) cancels to 0 in float, the stable form gives ≈ −ln(2t²)
        float[] lnL = evaluate(new double[][] {{12, -3, 2000, 0}}, LikelihoodCalibration.none(4));
        double t = (1.8 - 2000) / 1.2;
        double detections = closedForm(new double[] {12, -3, 0, 0}, new double[] {1, 1, 1, 1}, new double[4])
                - Math.log(0.5 + (1.8 / 1.2) / (2 * Math.sqrt(2 + 1.8 * 1.8 / 1.44)));
        assertEquals(detections + StudentT2.logCdf(t), lnL[0], 1e-3);
        assertEquals(-Math.log(2 * t * t), StudentT2.logCdf(t), 1e-5); // CDF ~ 1/(2t²) in the tail
    }
}
