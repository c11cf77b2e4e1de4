package org.popstream.inference.diffusion;

import java.util.SplittableRandom;

/**
 * Log-density of a diffusion model by the instantaneous change of variables: integrate
 * {@code (z, Δ)} along the probability-flow ODE from t = ε to t = T with {@code dz/dt = f̃},
 * {@code dΔ/dt = tr ∂f̃/∂z}, then {@code log p(z) = Δ(T) + log N(z(T); 0, σ_p²)}.
 *
 * <p>Accuracy is set by {@link SolverSettings}: with rtol = atol = 1e-8 the log-density of the
 * golden rows is within ~1e-6 of the converged references (see the golden tests).
 */
public final class DiffusionLogDensity {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final ProbabilityFlow flow;
    private final DormandPrince54 solver;
    private final TraceMode traceMode;
    private final long probeSeed;

    /** Exact trace. The flow stays owned by the caller. */
    public DiffusionLogDensity(ProbabilityFlow flow, SolverSettings settings) {
        this(flow, settings, TraceMode.EXACT, 0L);
    }

    /** @param probeSeed seeds the Hutchinson probes (row r of a call gets the r-th probe); unused for EXACT */
    public DiffusionLogDensity(ProbabilityFlow flow, SolverSettings settings, TraceMode traceMode, long probeSeed) {
        this.flow = flow;
        this.solver = new DormandPrince54(settings);
        this.traceMode = traceMode;
        this.probeSeed = probeSeed;
    }

    public DiffusionModel model() {
        return flow.model();
    }

    /** Unconditional model. {@code x}: rows × d raw points. */
    public LogDensityResult logDensity(double[][] x) {
        return logDensity(x, null);
    }

    /**
     * @param x          rows × d raw points (the model's own coordinates, before shift/scale)
     * @param conditions rows × n_c raw conditions, or null for an unconditional model
     */
    public LogDensityResult logDensity(double[][] x, double[][] conditions) {
        DiffusionModel model = flow.model();
        int rows = x.length;
        int d = model.dimensions();
        int n = d + 1;
        double[] shift = model.shift();
        double[] scale = model.scale();
        double[] y0 = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            requireWidth("point", r, x[r], d);
            for (int j = 0; j < d; j++) {
                y0[r * n + j] = (x[r][j] - shift[j]) / scale[j];
            }
        }
        double[] c = ConditionNormaliser.normalise(model, conditions, rows);
        double[] probes = traceMode == TraceMode.HUTCHINSON ? rademacher(rows, d) : null;
        Sde sde = model.sde();
        BatchSolution solution = solver.integrate(new AugmentedSystem(d, c, probes), sde.epsilon(), sde.horizon(), y0);

        double sigmaP = sde.baseStd();
        double logScaleSum = model.logScaleSum();
        double[] logpNormalised = new double[rows];
        double[] logp = new double[rows];
        double[] delta = new double[rows];
        double[] end = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            double base = 0;
            for (int j = 0; j < d; j++) {
                double zt = solution.states()[r * n + j];
                end[r * d + j] = zt;
                double u = zt / sigmaP;
                base += -0.5 * u * u - Math.log(sigmaP) - 0.5 * LOG_TWO_PI;
            }
            delta[r] = solution.states()[r * n + d];
            logpNormalised[r] = delta[r] + base;
            logp[r] = logpNormalised[r] - logScaleSum;
        }
        return new LogDensityResult(logpNormalised, logp, delta, end, solution.evaluations(), solution.failure());
    }

    private double[] rademacher(int rows, int d) {
        SplittableRandom random = new SplittableRandom(probeSeed);
        double[] v = new double[rows * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        return v;
    }

    static void requireWidth(String what, int row, double[] values, int expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(what + " " + row + " has " + (values == null ? 0 : values.length)
                    + " values, the model expects " + expected);
        }
    }

    /** State (z, Δ) per row; packs the per-row condition and probe for the rows the solver asks about. */
    private final class AugmentedSystem implements BatchedOdeSystem {
        private final int d;
        private final double[] conditions;
        private final double[] probes;

        AugmentedSystem(int d, double[] conditions, double[] probes) {
            this.d = d;
            this.conditions = conditions;
            this.probes = probes;
        }

        @Override
        public int stateSize() {
            return d + 1;
        }

        @Override
        public void derivatives(int[] rows, double[] t, double[] y, double[] dydt) {
            int a = rows.length;
            int n = d + 1;
            double[] z = new double[a * d];
            for (int p = 0; p < a; p++) {
                System.arraycopy(y, p * n, z, p * d, d);
            }
            double[] c = ConditionNormaliser.gather(conditions, rows, flow.model().conditionals());
            double[] v = probes == null ? null : ConditionNormaliser.gather(probes, rows, d);
            double[] drift = new double[a * d];
            double[] divergence = new double[a];
            flow.driftAndDivergence(t, z, c, v, drift, divergence);
            for (int p = 0; p < a; p++) {
                System.arraycopy(drift, p * d, dydt, p * n, d);
                dydt[p * n + d] = divergence[p];
            }
        }
    }
}
