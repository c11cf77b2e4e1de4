package org.popstream.inference.likelihood;

import java.util.Arrays;

/**
 * Per-band calibration of science.md §2/§3: zero-point factors multiply the model flux, fractional
 * error floors add {@code (ε_b μ_b)²} to the variance. Both default to off (factor 1, floor 0).
 */
public record LikelihoodCalibration(double[] zeroPoints, double[] errorFloors) {

    public LikelihoodCalibration {
        if (zeroPoints.length != errorFloors.length) {
            throw new IllegalArgumentException("zero points (" + zeroPoints.length + ") and error floors ("
                    + errorFloors.length + ") must cover the same bands");
        }
        for (int b = 0; b < zeroPoints.length; b++) {
            if (!(zeroPoints[b] > 0) || !(errorFloors[b] >= 0)) {
                throw new IllegalArgumentException("band " + b + ": zero point must be > 0 and error floor >= 0, got "
                        + zeroPoints[b] + ", " + errorFloors[b]);
            }
        }
        zeroPoints = zeroPoints.clone();
        errorFloors = errorFloors.clone();
    }

    public static LikelihoodCalibration none(int bands) {
        double[] ones = new double[bands];
        Arrays.fill(ones, 1.0);
        return new LikelihoodCalibration(ones, new double[bands]);
    }

    public int bands() {
        return zeroPoints.length;
    }
}
