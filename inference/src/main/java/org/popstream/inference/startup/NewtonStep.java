package org.popstream.inference.startup;

import java.util.List;
import org.popstream.inference.prior.Bounds;

/**
 * One damped Newton step per start and galaxy, θ ← θ + λ·H⁻¹∇log p with λ ∈ {1, ½, ¼, ⅛} chosen by
 * the best log posterior (kept only if it improves). Adam's per-coordinate steps crawl along the
 * long correlated ridges of high-S/N posteriors; the curvature-aware step crosses them at once.
 * H⁻¹ is the capped Laplace covariance, so a direction the data do not constrain moves at most a
 * few tenths of the prior range.
 */
final class NewtonStep {

    private static final double[] DAMPING = {1, 0.5, 0.25, 0.125};

    private final Bounds bounds;

    NewtonStep(Bounds bounds) {
        this.bounds = bounds;
    }

    /**
     * @param curvature [start][galaxy] at {@code current}'s centres
     * @return the improved optima (new buffers; {@code current} is not changed)
     */
    Optima apply(PosteriorGradient gradient, Optima current, List<List<Curvature>> curvature) {
        StackedPoints centres = current.centres();
        int starts = centres.rows();
        int galaxies = centres.galaxies();
        int dim = centres.dim();
        StackedPoints grad = gradient.at(centres).gradient();
        // one candidate row per damping factor and start: [factor][start] stacked as rows
        StackedPoints candidates = StackedPoints.zeros(DAMPING.length * starts, galaxies, dim);
        for (int m = 0; m < starts; m++) {
            for (int i = 0; i < galaxies; i++) {
                double[] c = centres.point(m, i);
                double[][] cov = LaplaceComponent.of(c, 0, curvature.get(m).get(i), bounds).covariance();
                double[] step = new double[dim];
                for (int a = 0; a < dim; a++) {
                    for (int b = 0; b < dim; b++) {
                        step[a] += cov[a][b] * grad.get(m, i, b);
                    }
                }
                for (int f = 0; f < DAMPING.length; f++) {
                    for (int d = 0; d < dim; d++) {
                        double x = Math.min(bounds.upper(d), Math.max(bounds.lower(d), c[d] + DAMPING[f] * step[d]));
                        candidates.set(f * starts + m, i, d, x);
                    }
                }
            }
        }
        StackedValues candidateLp = gradient.at(candidates).logPosterior();
        StackedPoints next = centres.copy();
        StackedValues nextLp = current.logPosterior().copy();
        for (int f = 0; f < DAMPING.length; f++) {
            for (int m = 0; m < starts; m++) {
                for (int i = 0; i < galaxies; i++) {
                    float v = candidateLp.get(f * starts + m, i);
                    float best = nextLp.get(m, i);
                    if (v > best || (Float.isNaN(best) && Float.isFinite(v))) {
                        nextLp.set(m, i, v);
                        next.copyPoint(candidates, f * starts + m, i, m);
                    }
                }
            }
        }
        return new Optima(next, nextLp);
    }
}
