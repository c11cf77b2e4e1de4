package org.popstream.inference.diffusion;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Samples by integrating the probability-flow ODE backwards, from {@code z(T) = σ_p·base} at t = T to
 * t = ε, then undoing the normalisation ({@code x = z(ε)·scale + shift}), as upstream's {@code forward}.
 * Deterministic given the base draws, so prior banks and mocks are reproducible from a seed.
 */
public final class DiffusionSampler {

    private final ProbabilityFlow flow;
    private final DormandPrince54 solver;

    /** The flow stays owned by the caller. */
    public DiffusionSampler(ProbabilityFlow flow, SolverSettings settings) {
        this.flow = flow;
        this.solver = new DormandPrince54(settings);
    }

    /** {@code count} draws from standard-normal base draws of the given seed (unconditional model). */
    public SampleResult sample(int count, long seed) {
        return sample(count, new SplittableRandom(seed));
    }

    /** {@code count} draws from standard-normal base draws of {@code random} (unconditional model). */
    public SampleResult sample(int count, RandomGenerator random) {
        int d = flow.model().dimensions();
        double[][] base = new double[count][d];
        for (double[] row : base) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return fromBase(base, null);
    }

    /**
     * @param base       rows × d standard-normal draws (upstream multiplies them by σ_max for a VE model)
     * @param conditions rows × n_c raw conditions, or null for an unconditional model
     */
    public SampleResult fromBase(double[][] base, double[][] conditions) {
        DiffusionModel model = flow.model();
        int rows = base.length;
        int d = model.dimensions();
        double sigmaP = model.sde().baseStd();
        double[] y0 = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            DiffusionLogDensity.requireWidth("base draw", r, base[r], d);
            for (int j = 0; j < d; j++) {
                y0[r * d + j] = base[r][j] * sigmaP;
            }
        }
        double[] c = ConditionNormaliser.normalise(model, conditions, rows);
        BatchedOdeSystem system = new BatchedOdeSystem() {
            @Override
            public int stateSize() {
                return d;
            }

            @Override
            public void derivatives(int[] rowIndices, double[] t, double[] y, double[] dydt) {
                flow.drift(t, y, ConditionNormaliser.gather(c, rowIndices, model.conditionals()), dydt);
            }
        };
        BatchSolution solution = solver.integrate(system, model.sde().horizon(), model.sde().epsilon(), y0);
        double[] shift = model.shift();
        double[] scale = model.scale();
        double[][] z = new double[rows][];
        double[][] x = new double[rows][d];
        for (int r = 0; r < rows; r++) {
            z[r] = solution.row(r);
            for (int j = 0; j < d; j++) {
                x[r][j] = z[r][j] * scale[j] + shift[j];
            }
        }
        return new SampleResult(x, z, solution.evaluations(), solution.failure());
    }
}
