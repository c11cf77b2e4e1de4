package org.popstream.inference.prior.learned;

import org.popstream.inference.diffusion.SolverSettings;

/**
 * @param graphSteps RK4 steps of the in-graph log-density the sampler uses (accuracy vs cost:
 *                   {@code popstream bench prior}); 128 keeps the test models within ~1e-2
 * @param reference  adaptive solver of the double-precision path ({@code logDensity(double[])},
 *                   sampling, banks)
 * @param mapping    how the model's coordinates 1..15 relate to the bounded parameters (see
 *                   {@link PopulationCoordinates}; PROBIT is what the synthetic test models declare)
 */
public record LearnedPriorSettings(int graphSteps, SolverSettings reference, BoundedParameterMapping mapping) {

    public static final LearnedPriorSettings DEFAULT =
            new LearnedPriorSettings(128, SolverSettings.ACCURATE, BoundedParameterMapping.PROBIT);

    public LearnedPriorSettings {
        if (graphSteps < 1) {
            throw new IllegalArgumentException("graphSteps must be at least 1, got " + graphSteps);
        }
    }
}
