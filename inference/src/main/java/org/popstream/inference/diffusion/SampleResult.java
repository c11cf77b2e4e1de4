package org.popstream.inference.diffusion;

/**
 * Draws from a diffusion model.
 *
 * @param samples     rows × d raw samples, z(ε)·scale + shift
 * @param normalised  rows × d, z(ε) straight from the solver
 * @param evaluations right-hand-side evaluations per row
 * @param failures    per row null, or why the solve failed (that row is NaN)
 */
public record SampleResult(double[][] samples, double[][] normalised, int[] evaluations, String[] failures) {}
