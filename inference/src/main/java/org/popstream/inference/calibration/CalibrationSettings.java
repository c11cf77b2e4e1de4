package org.popstream.inference.calibration;

/**
 * How the zero points are fitted.
 *
 * @param maxIterations     fit–update rounds at most
 * @param tolerance         stop when no factor changes by more than this (absolute)
 * @param minSignalToNoise  a band measurement enters the median only above this S/N
 * @param referenceBand     band whose factor is held at 1 (the overall flux scale is degenerate with
 *                          stellar mass); null to leave every band free
 * @param fitErrorFloors    also fit fractional error floors from the normalised residuals
 */
public record CalibrationSettings(
        int maxIterations, double tolerance, double minSignalToNoise, String referenceBand, boolean fitErrorFloors) {

    /** hsc_i is the reference band of the Leistedt et al. 2023 COSMOS calibration (its factor is exactly 1). */
    public static final String DEFAULT_REFERENCE_BAND = "hsc_i";

    public CalibrationSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max-iter must be ≥ 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tol must be > 0, got " + tolerance);
        }
        if (!(minSignalToNoise >= 0)) {
            throw new IllegalArgumentException("minimum S/N must be ≥ 0, got " + minSignalToNoise);
        }
    }

    public static CalibrationSettings defaults() {
        return new CalibrationSettings(10, 1e-3, 5.0, DEFAULT_REFERENCE_BAND, false);
    }
}
