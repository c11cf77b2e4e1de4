package org.popstream.inference.startup;

/**
 * Log posterior and its gradient at stacked points, the one question the curvature and Newton
 * steps ask of the model. {@link MapOptimiser} answers it with TensorFlow gradients; tests answer
 * it with a known function.
 */
interface PosteriorGradient {

    /** ∇θ log p at points [rows, galaxies, D] (non-finite entries as 0) and log p there [rows, galaxies]. */
    Evaluation at(StackedPoints points);

    record Evaluation(StackedPoints gradient, StackedValues logPosterior) {}
}
