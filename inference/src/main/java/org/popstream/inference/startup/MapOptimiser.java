package org.popstream.inference.startup;

import java.util.List;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.sampler.EnsembleTarget;
import org.popstream.inference.sampler.TargetGraph;
import org.popstream.inference.tensor.FlatTensors;
import org.popstream.inference.tensor.SessionFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * Maximum a posteriori search and log-posterior gradients with TensorFlow gradients, for a batch of
 * galaxies and several starts each (points [starts, galaxies, D]).
 *
 * <p>Adam runs in an unconstrained space, θ = lower + width · sigmoid(u), so iterates never leave
 * the bounds; the objective is log p(θ(u)) itself (no Jacobian), so its maximiser is the MAP in θ.
 * The step size decays geometrically from 0.1 to 1e-3 in u, enough to settle into the narrow
 * posteriors of high-S/N photometry; the best iterate per start is kept.
 */
final class MapOptimiser implements PosteriorGradient, AutoCloseable {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double LEARNING_RATE_START = 0.1;
    private static final double LEARNING_RATE_END = 1e-3;

    private final int starts;
    private final int galaxies;
    private final int dim;
    private final Bounds bounds;
    private final Graph graph;
    private final Session session;
    private final TargetGraph<ObservedPhotometry> target;

    private final Placeholder<TFloat32> startU;
    private final List<Op> reset;
    private final Placeholder<TFloat32> stepSize;
    private final Operand<TFloat32> thetaNow;
    private final Operand<TFloat32> logPostNow;
    private final List<Op> adamStep;
    private final Placeholder<TFloat32> gradientAt;
    private final Operand<TFloat32> gradient;
    private final Operand<TFloat32> logPostAt;

    MapOptimiser(EnsembleTarget<ObservedPhotometry> posterior, Bounds bounds, int starts, int galaxies, int threads) {
        this.starts = starts;
        this.galaxies = galaxies;
        this.dim = posterior.dimension();
        this.bounds = bounds;
        this.graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            this.target = posterior.build(tf.withSubScope("target"), galaxies);
            Shape shape = Shape.of(starts, galaxies, dim);
            VarHandleOp u = tf.withName("u").varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("map_u"));
            VarHandleOp m = tf.withName("m").varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("map_m"));
            VarHandleOp v = tf.withName("v").varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("map_v"));
            startU = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
            Operand<TFloat32> zeros = tf.zerosLike(startU);
            reset = List.of(tf.assignVariableOp(u, startU), tf.assignVariableOp(m, zeros), tf.assignVariableOp(v, zeros));

            float[] lo = new float[dim];
            float[] width = new float[dim];
            for (int d = 0; d < dim; d++) {
                lo[d] = (float) bounds.lower(d);
                width[d] = (float) bounds.width(d);
            }
            Operand<TFloat32> uNow = tf.readVariableOp(u, TFloat32.class);
            thetaNow = tf.math.add(tf.constant(lo), tf.math.mul(tf.constant(width), tf.math.sigmoid(uNow)));
            logPostNow = target.logProbability(thetaNow);
            Operand<TFloat32> objective = tf.reduceSum(finiteOrZero(tf, logPostNow), tf.constant(new int[] {0, 1}));
            Operand<TFloat32> g = finiteOrZero(tf, tf.math.neg(gradientOf(tf, objective, uNow)));
            stepSize = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> mNew = tf.math.add(tf.math.mul(tf.constant((float) BETA1), tf.readVariableOp(m, TFloat32.class)),
                    tf.math.mul(tf.constant((float) (1 - BETA1)), g));
            Operand<TFloat32> vNew = tf.math.add(tf.math.mul(tf.constant((float) BETA2), tf.readVariableOp(v, TFloat32.class)),
                    tf.math.mul(tf.constant((float) (1 - BETA2)), tf.math.square(g)));
            Operand<TFloat32> uNew = tf.math.sub(uNow, tf.math.mul(stepSize,
                    tf.math.div(mNew, tf.math.add(tf.math.sqrt(vNew), tf.constant(1e-8f)))));
            adamStep = List.of(tf.assignVariableOp(m, mNew), tf.assignVariableOp(v, vNew), tf.assignVariableOp(u, uNew));

            gradientAt = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, galaxies, dim)));
            logPostAt = target.logProbability(gradientAt);
            gradient = finiteOrZero(tf, gradientOf(tf,
                    tf.reduceSum(finiteOrZero(tf, logPostAt), tf.constant(new int[] {0, 1})), gradientAt));
            session = SessionFactory.open(graph, threads);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> gradientOf(Ops tf, Operand<TFloat32> y, Operand<TFloat32> x) {
        return tf.gradients(y, List.of(x)).<TFloat32>dy(0);
    }

    private static Operand<TFloat32> finiteOrZero(Ops tf, Operand<TFloat32> x) {
        return tf.select(tf.math.isFinite(x), x, tf.zerosLike(x));
    }

    void bind(ObservedPhotometry batch) {
        target.bind(session, batch);
    }

    /**
     * Adam from {@code start} [starts, galaxies, D] for {@code steps} steps; the best iterate per start
     * and galaxy (a start whose log posterior was NaN so far takes any later iterate).
     */
    Optima maximise(StackedPoints start, int steps) {
        StackedPoints u = StackedPoints.zeros(starts, galaxies, dim);
        for (int row = 0; row < starts; row++) {
            for (int g = 0; g < galaxies; g++) {
                for (int d = 0; d < dim; d++) {
                    double p = (start.get(row, g, d) - bounds.lower(d)) / bounds.width(d);
                    p = Math.min(1 - 1e-4, Math.max(1e-4, p));
                    u.set(row, g, d, Math.log(p / (1 - p)));
                }
            }
        }
        try (TFloat32 t = FlatTensors.of(u.values(), starts, galaxies, dim)) {
            Session.Runner r = session.runner().feed(startU, t);
            reset.forEach(r::addTarget);
            r.run().close();
        }
        StackedPoints bestTheta = null;
        StackedValues bestLp = null;
        for (int step = 0; step <= steps; step++) {
            double lr = LEARNING_RATE_START * Math.pow(LEARNING_RATE_END / LEARNING_RATE_START, step / (double) Math.max(1, steps));
            double corrected = lr * Math.sqrt(1 - Math.pow(BETA2, step + 1)) / (1 - Math.pow(BETA1, step + 1));
            try (TFloat32 lrT = TFloat32.scalarOf((float) corrected)) {
                Session.Runner r = session.runner().feed(stepSize, lrT).fetch(thetaNow).fetch(logPostNow);
                if (step < steps) {
                    adamStep.forEach(r::addTarget);
                }
                try (Result out = r.run()) {
                    StackedPoints theta = StackedPoints.wrap(FlatTensors.read(out.get(0)), starts, galaxies, dim);
                    StackedValues lp = StackedValues.wrap(FlatTensors.read(out.get(1)), starts, galaxies);
                    if (bestTheta == null) {
                        bestTheta = theta;
                        bestLp = lp;
                    } else {
                        keepImproved(bestTheta, bestLp, theta, lp);
                    }
                }
            }
        }
        return new Optima(bestTheta, bestLp);
    }

    private static void keepImproved(StackedPoints bestTheta, StackedValues bestLp, StackedPoints theta, StackedValues lp) {
        for (int row = 0; row < lp.rows(); row++) {
            for (int g = 0; g < lp.galaxies(); g++) {
                if (lp.get(row, g) > bestLp.get(row, g) || Float.isNaN(bestLp.get(row, g))) {
                    bestLp.set(row, g, lp.get(row, g));
                    bestTheta.copyPoint(theta, row, g, row);
                }
            }
        }
    }

    @Override
    public Evaluation at(StackedPoints points) {
        if (points.galaxies() != galaxies || points.dim() != dim) {
            throw new IllegalArgumentException("points for " + points.galaxies() + " galaxies in " + points.dim()
                    + " dimensions, graph built for " + galaxies + " in " + dim);
        }
        int rows = points.rows();
        try (TFloat32 t = FlatTensors.of(points.values(), rows, galaxies, dim);
             Result out = session.runner().feed(gradientAt, t).fetch(gradient).fetch(logPostAt).run()) {
            return new Evaluation(StackedPoints.wrap(FlatTensors.read(out.get(0)), rows, galaxies, dim),
                    StackedValues.wrap(FlatTensors.read(out.get(1)), rows, galaxies));
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
