package org.popstream.inference.diffusion;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * The log-density as ops inside a caller's graph (e.g. the MCMC target), so it can run where a
 * Java-driven adaptive solver cannot: the probability-flow ODE with the exact trace, integrated by
 * {@link FixedGrid} classical Runge–Kutta 4 steps in a TensorFlow while loop (one copy of the network
 * in the graph whatever the number of steps; an unrolled graph of 128 steps had 44 000 ops and took
 * seconds to build and optimise). The stage times and the SDE scalars a(t), k(t) at them are
 * precomputed tables the loop gathers from. Accuracy depends on the grid; {@code popstream bench prior}
 * measures it against the adaptive solver.
 */
public final class FixedGridLogDensityOps {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double[] STAGE_OFFSET = {0, 0.5, 0.5, 1};
    private static final double[] STAGE_WEIGHT = {1.0 / 6, 2.0 / 6, 2.0 / 6, 1.0 / 6};

    private FixedGridLogDensityOps() {}

    /**
     * @param graph      the graph {@code tf} builds into (the while loop is a graph-level construct)
     * @param x          (batch, d) raw points in the model's coordinates
     * @param conditions (batch, n_c) raw conditions, or null for an unconditional model
     * @return (batch) log-density of the raw x (upstream's log_prob − Σ log scale)
     */
    public static Operand<TFloat64> logDensity(Graph graph, Ops tf, DiffusionModel model, FixedGrid grid,
            Operand<TFloat64> x, Operand<TFloat64> conditions) {
        Ops scope = tf.withSubScope("diffusion_log_density");
        int d = model.dimensions();
        Sde sde = model.sde();
        int steps = grid.steps();
        double[] stageTime = new double[4 * steps];
        double[] stageStep = new double[4 * steps];
        double[] linear = new double[4 * steps];
        double[] coefficient = new double[4 * steps];
        for (int s = 0; s < steps; s++) {
            double t0 = grid.time(sde, s);
            double h = grid.time(sde, s + 1) - t0;
            for (int k = 0; k < 4; k++) {
                int i = 4 * s + k;
                stageTime[i] = t0 + STAGE_OFFSET[k] * h;
                stageStep[i] = h;
                linear[i] = sde.driftCoefficient(stageTime[i]);
                coefficient[i] = model.networkCoefficient(stageTime[i]);
            }
        }
        Operand<TFloat64> z0 = scope.math.div(scope.math.sub(x, scope.constant(model.shift())), scope.constant(model.scale()));
        Operand<TFloat64> c = conditions == null ? null : scope.math.div(
                scope.math.sub(conditions, scope.constant(model.conditionalShift())), scope.constant(model.conditionalScale()));
        Operand<TFloat64> delta0 = scope.math.mul(scope.reduceSum(z0, scope.constant(1)), scope.constant(0.0));
        Output<?>[] initial = c == null
                ? new Output<?>[] {scope.constant(0).asOutput(), z0.asOutput(), delta0.asOutput()}
                : new Output<?>[] {scope.constant(0).asOutput(), z0.asOutput(), delta0.asOutput(), c.asOutput()};

        Output<?>[] end = graph.whileLoop(initial,
                (cond, in, out) -> {
                    Ops ops = Ops.create(cond);
                    out[0] = ops.math.less(input(in[0], TInt32.class), ops.constant(steps)).asOutput();
                },
                (body, in, out) -> {
                    Ops ops = Ops.create(body);
                    Operand<TInt32> step = input(in[0], TInt32.class);
                    Operand<TFloat64> z = input(in[1], TFloat64.class);
                    Operand<TFloat64> delta = input(in[2], TFloat64.class);
                    Operand<TFloat64> condition = c == null ? null : input(in[3], TFloat64.class);
                    ScoreNetworkOps network = new ScoreNetworkOps(ops, model.network());
                    Operand<TFloat64> times = ops.constant(stageTime);
                    Operand<TFloat64> steps4 = ops.constant(stageStep);
                    Operand<TFloat64> linears = ops.constant(linear);
                    Operand<TFloat64> coefficients = ops.constant(coefficient);
                    Operand<TInt32> batch = ops.slice(ops.shape(z), ops.constant(new int[] {0}), ops.constant(new int[] {1}));
                    Operand<TFloat64> zNext = z;
                    Operand<TFloat64> deltaNext = delta;
                    Operand<TFloat64> previousDrift = null;
                    for (int k = 0; k < 4; k++) {
                        Operand<TInt32> index = ops.math.add(ops.math.mul(step, ops.constant(4)), ops.constant(k));
                        Operand<TFloat64> t = ops.gather(times, index, ops.constant(0));
                        Operand<TFloat64> h = ops.gather(steps4, index, ops.constant(0));
                        Operand<TFloat64> a = ops.gather(linears, index, ops.constant(0));
                        Operand<TFloat64> kt = ops.gather(coefficients, index, ops.constant(0));
                        Operand<TFloat64> zStage = k == 0 ? z
                                : ops.math.add(z, ops.math.mul(ops.math.mul(ops.constant(STAGE_OFFSET[k]), h), previousDrift));
                        ScoreNetworkOps.Outputs net = network.apply(ops.fill(batch, t), zStage, condition, null);
                        Operand<TFloat64> drift = ops.math.add(ops.math.mul(a, zStage), ops.math.mul(kt, net.output()));
                        Operand<TFloat64> divergence = ops.math.add(ops.math.mul(a, ops.constant((double) d)),
                                ops.math.mul(kt, net.trace()));
                        Operand<TFloat64> weight = ops.math.mul(ops.constant(STAGE_WEIGHT[k]), h);
                        zNext = ops.math.add(zNext, ops.math.mul(weight, drift));
                        deltaNext = ops.math.add(deltaNext, ops.math.mul(weight, divergence));
                        previousDrift = drift;
                    }
                    out[0] = ops.math.add(step, ops.constant(1)).asOutput();
                    out[1] = zNext.asOutput();
                    out[2] = deltaNext.asOutput();
                    if (c != null) {
                        out[3] = ops.identity(condition).asOutput();
                    }
                },
                // a while loop's frame name must be unique in the graph (the sampler adds one per unrolled step)
                scope.scope().makeOpName("rk4_loop"));

        Operand<TFloat64> z = input(end[1], TFloat64.class);
        Operand<TFloat64> delta = input(end[2], TFloat64.class);
        double sigmaP = sde.baseStd();
        Operand<TFloat64> u = scope.math.div(z, scope.constant(sigmaP));
        Operand<TFloat64> base = scope.math.sub(
                scope.math.mul(scope.constant(-0.5), scope.reduceSum(scope.math.square(u), scope.constant(1))),
                scope.constant(d * (Math.log(sigmaP) + 0.5 * LOG_TWO_PI)));
        return scope.math.sub(scope.math.add(delta, base), scope.constant(model.logScaleSum()));
    }

    @SuppressWarnings("unchecked")
    private static <T extends org.tensorflow.types.family.TType> Operand<T> input(Output<?> output, Class<T> type) {
        if (output.type() != type) {
            throw new IllegalStateException("loop variable of type " + output.type().getSimpleName() + ", expected " + type.getSimpleName());
        }
        return (Operand<T>) output;
    }
}
