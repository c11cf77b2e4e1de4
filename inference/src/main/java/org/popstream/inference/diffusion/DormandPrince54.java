package org.popstream.inference.diffusion;

import java.util.Arrays;

/**
 * Adaptive Dormand–Prince 5(4) (the torchdiffeq {@code dopri5} / Hairer DOPRI5 tableau, FSAL) over a
 * batch of independent systems. Every row has its own step size and its own accept/reject decision,
 * so a hard row never forces small steps on easy ones (torchdiffeq, by contrast, takes one error norm
 * over the whole batch, which makes a row's result depend on its batch mates). All rows that are
 * still running are evaluated in one {@link BatchedOdeSystem#derivatives} call per stage.
 */
public final class DormandPrince54 {

    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    /** Fifth-order weights minus embedded fourth-order weights: the local error estimate. */
    private static final double[] E = {
        71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};
    private static final int STAGES = 7;
    private static final double SAFETY = 0.9;
    private static final double MIN_FACTOR = 0.2;
    private static final double MAX_FACTOR = 10.0;

    private final SolverSettings settings;

    public DormandPrince54(SolverSettings settings) {
        this.settings = settings;
    }

    /**
     * Integrates every row from {@code t0} to {@code t1} (either direction).
     *
     * @param y0 row-major initial states, {@code rows × system.stateSize()}
     */
    public BatchSolution integrate(BatchedOdeSystem system, double t0, double t1, double[] y0) {
        int n = system.stateSize();
        if (y0.length % n != 0) {
            throw new IllegalArgumentException("initial states hold " + y0.length + " values, not a multiple of " + n);
        }
        return new Run(system, n, y0.length / n, t0, t1, y0).solve();
    }

    /** State of one integration; lives for one {@link #integrate} call. */
    private final class Run {
        private final BatchedOdeSystem system;
        private final int n;
        private final int rows;
        private final double t0;
        private final double t1;
        private final double direction;
        private final double[] y;
        private final double[] t;
        private final double[] h;
        private final double[][] k;
        private final double[] stage;
        private final double[] yNew;
        private final int[] evaluations;
        private final int[] attempts;
        private final boolean[] rejectedLast;
        private final String[] failure;
        private final boolean[] done;

        Run(BatchedOdeSystem system, int n, int rows, double t0, double t1, double[] y0) {
            this.system = system;
            this.n = n;
            this.rows = rows;
            this.t0 = t0;
            this.t1 = t1;
            this.direction = Math.signum(t1 - t0);
            this.y = y0.clone();
            this.t = new double[rows];
            Arrays.fill(t, t0);
            this.h = new double[rows];
            this.k = new double[STAGES][rows * n];
            this.stage = new double[rows * n];
            this.yNew = new double[rows * n];
            this.evaluations = new int[rows];
            this.attempts = new int[rows];
            this.rejectedLast = new boolean[rows];
            this.failure = new String[rows];
            this.done = new boolean[rows];
        }

        BatchSolution solve() {
            if (t0 == t1) {
                return new BatchSolution(y, n, evaluations, failure);
            }
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    if (!Double.isFinite(y[r * n + j])) {
                        fail(r, "non-finite initial state component " + j);
                        break;
                    }
                }
            }
            int[] active = activeRows();
            if (active.length > 0) {
                evaluate(active, t, y, k[0]);
                initialSteps(active);
            }
            while ((active = activeRows()).length > 0) {
                step(active);
            }
            for (int r = 0; r < rows; r++) {
                if (failure[r] != null) {
                    Arrays.fill(y, r * n, (r + 1) * n, Double.NaN);
                }
            }
            return new BatchSolution(y, n, evaluations, failure);
        }

        private int[] activeRows() {
            int count = 0;
            for (int r = 0; r < rows; r++) {
                if (!done[r]) {
                    count++;
                }
            }
            int[] active = new int[count];
            for (int r = 0, i = 0; r < rows; r++) {
                if (!done[r]) {
                    active[i++] = r;
                }
            }
            return active;
        }

        /** Hairer, Nørsett & Wanner's starting-step heuristic (one extra evaluation per row). */
        private void initialSteps(int[] active) {
            double span = Math.abs(t1 - t0);
            double[] h0 = new double[rows];
            double[] d1 = new double[rows];
            double[] probeTimes = new double[rows];
            for (int r : active) {
                double s0 = 0;
                double s1 = 0;
                for (int j = 0; j < n; j++) {
                    int i = r * n + j;
                    double sc = settings.absoluteTolerance() + settings.relativeTolerance() * Math.abs(y[i]);
                    s0 += sq(y[i] / sc);
                    s1 += sq(k[0][i] / sc);
                }
                double d0 = Math.sqrt(s0 / n);
                d1[r] = Math.sqrt(s1 / n);
                h0[r] = Math.min(span, d0 < 1e-5 || d1[r] < 1e-5 ? 1e-6 : 0.01 * d0 / d1[r]);
                for (int j = 0; j < n; j++) {
                    int i = r * n + j;
                    stage[i] = y[i] + direction * h0[r] * k[0][i];
                }
                probeTimes[r] = t0 + direction * h0[r];
            }
            evaluate(active, probeTimes, stage, k[1]);
            for (int r : active) {
                double s2 = 0;
                for (int j = 0; j < n; j++) {
                    int i = r * n + j;
                    double sc = settings.absoluteTolerance() + settings.relativeTolerance() * Math.abs(y[i]);
                    s2 += sq((k[1][i] - k[0][i]) / sc);
                }
                double d2 = Math.sqrt(s2 / n) / h0[r];
                double dMax = Math.max(d1[r], d2);
                double h1 = dMax <= 1e-15 ? Math.max(1e-6, h0[r] * 1e-3) : Math.pow(0.01 / dMax, 1.0 / 5);
                double chosen = Math.min(Math.min(100 * h0[r], h1), span);
                h[r] = direction * (Double.isFinite(chosen) && chosen > 0 ? chosen : h0[r]);
            }
        }

        private void step(int[] active) {
            boolean[] last = new boolean[rows];
            for (int r : active) {
                if (Math.abs(t1 - t[r]) <= Math.abs(h[r]) * (1 + 1e-12)) {
                    h[r] = t1 - t[r];
                    last[r] = true;
                }
            }
            double[] stageTimes = new double[rows];
            for (int s = 1; s < STAGES; s++) {
                double[] target = s == STAGES - 1 ? yNew : stage;
                for (int r : active) {
                    for (int j = 0; j < n; j++) {
                        int i = r * n + j;
                        double acc = 0;
                        for (int m = 0; m < s; m++) {
                            acc += A[s][m] * k[m][i];
                        }
                        target[i] = y[i] + h[r] * acc;
                    }
                    stageTimes[r] = last[r] && C[s] == 1 ? t1 : t[r] + C[s] * h[r];
                }
                evaluate(active, stageTimes, target, k[s]);
            }
            for (int r : active) {
                double err = errorNorm(r);
                attempts[r]++;
                if (err <= 1) {
                    t[r] = last[r] ? t1 : t[r] + h[r];
                    System.arraycopy(yNew, r * n, y, r * n, n);
                    System.arraycopy(k[STAGES - 1], r * n, k[0], r * n, n);
                    if (last[r]) {
                        done[r] = true;
                        continue;
                    }
                    double maxFactor = rejectedLast[r] ? 1.0 : MAX_FACTOR;
                    h[r] *= Math.min(maxFactor, Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2)));
                    rejectedLast[r] = false;
                } else {
                    // NaN error (e.g. the network overflowed) shrinks the step as far as a huge one would.
                    double factor = Double.isNaN(err) ? MIN_FACTOR : Math.max(MIN_FACTOR, SAFETY * Math.pow(err, -0.2));
                    h[r] *= Math.min(1.0, factor);
                    rejectedLast[r] = true;
                }
                double minStep = 16 * Math.ulp(Math.max(Math.abs(t[r]), Math.abs(t1)));
                if (Math.abs(h[r]) < minStep) {
                    fail(r, "step size underflow at t=" + t[r]);
                } else if (attempts[r] >= settings.maxStepsPerRow()) {
                    fail(r, "more than " + settings.maxStepsPerRow() + " steps before t=" + t1 + " (stopped at t=" + t[r] + ")");
                }
            }
        }

        private double errorNorm(int r) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                int i = r * n + j;
                double e = 0;
                for (int m = 0; m < STAGES; m++) {
                    e += E[m] * k[m][i];
                }
                e *= h[r];
                double sc = settings.absoluteTolerance()
                        + settings.relativeTolerance() * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
                sum += sq(e / sc);
            }
            return Math.sqrt(sum / n);
        }

        private void fail(int r, String why) {
            failure[r] = why;
            done[r] = true;
        }

        /** Packs the active rows, evaluates them in one call and unpacks the derivatives into {@code out}. */
        private void evaluate(int[] active, double[] times, double[] states, double[] out) {
            int a = active.length;
            double[] packedT = new double[a];
            double[] packedY = new double[a * n];
            for (int p = 0; p < a; p++) {
                int r = active[p];
                packedT[p] = times[r];
                System.arraycopy(states, r * n, packedY, p * n, n);
                evaluations[r]++;
            }
            double[] packedOut = new double[a * n];
            system.derivatives(active, packedT, packedY, packedOut);
            for (int p = 0; p < a; p++) {
                System.arraycopy(packedOut, p * n, out, active[p] * n, n);
            }
        }

        private static double sq(double v) {
            return v * v;
        }
    }
}
