package org.popstream.inference.diffusion;

/**
 * Step control of the adaptive Dormand–Prince solver. Each row's local error estimate is scaled by
 * {@code atol + rtol·max(|y_old|, |y_new|)} per component and reduced with the RMS over the row.
 *
 * @param relativeTolerance rtol (> 0)
 * @param absoluteTolerance atol (> 0)
 * @param maxStepsPerRow    a row that needs more accepted + rejected steps fails (its result is NaN)
 */
public record SolverSettings(double relativeTolerance, double absoluteTolerance, int maxStepsPerRow) {

    /** Settings that reproduce the converged golden references to ~1e-6 in log-density. */
    public static final SolverSettings ACCURATE = new SolverSettings(1e-8, 1e-8, 100_000);

    public SolverSettings {
        if (!(relativeTolerance > 0) || !(absoluteTolerance > 0)) {
            throw new IllegalArgumentException("solver tolerances must be positive, got rtol=" + relativeTolerance
                    + ", atol=" + absoluteTolerance);
        }
        if (maxStepsPerRow <= 0) {
            throw new IllegalArgumentException("maxStepsPerRow must be positive, got " + maxStepsPerRow);
        }
    }

    public static SolverSettings of(double tolerance) {
        return new SolverSettings(tolerance, tolerance, 100_000);
    }
}
