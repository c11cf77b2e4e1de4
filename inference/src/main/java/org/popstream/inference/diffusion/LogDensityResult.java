package org.popstream.inference.diffusion;

/**
 * Log-densities of a batch of points under a diffusion model.
 *
 * @param logDensityNormalised upstream's {@code log_prob}: density of the normalised variable
 *                             z = (x − shift)/scale (given the condition), Δ(T) + log N(z(T); 0, σ_p²)
 * @param logDensity           density of the raw x: {@code logDensityNormalised − Σ log scale}
 * @param delta                Δ(T) = ∫_ε^T tr(∂f̃/∂z) dt
 * @param endStates            z(T), row-major rows × d
 * @param evaluations          right-hand-side evaluations per row
 * @param failures             per row null, or why the solve failed (that row's numbers are NaN)
 */
public record LogDensityResult(
        double[] logDensityNormalised, double[] logDensity, double[] delta, double[] endStates,
        int[] evaluations, String[] failures) {}
