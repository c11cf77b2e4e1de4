package org.popstream.inference.crossval;

/**
 * @param splitSeed       seed of the 50/50 split, also of the calibration banks (and, mixed, of the redshift bank)
 * @param bankSize        shared proposal bank of the redshift posteriors
 * @param calibrationBank per-galaxy bank of the fixed-z calibration fits
 * @param maxIterations   calibration iterations at most
 * @param tolerance       calibration stops once no factor moves by more than this
 * @param fitErrorFloors  also fit per-band error floors with the zero points
 * @param threads         TensorFlow threads and parallel per-galaxy estimates
 */
public record CrossValidationSettings(long splitSeed, int bankSize, int calibrationBank, int maxIterations,
        double tolerance, boolean fitErrorFloors, int threads) {

    public CrossValidationSettings {
        if (bankSize < 1 || calibrationBank < 1 || maxIterations < 1 || threads < 1) {
            throw new IllegalArgumentException("bank sizes, iterations and threads must be >= 1");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
    }
}
