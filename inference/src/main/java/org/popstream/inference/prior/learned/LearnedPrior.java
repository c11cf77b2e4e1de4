package org.popstream.inference.prior.learned;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.diffusion.DiffusionLogDensity;
import org.popstream.inference.diffusion.DiffusionModel;
import org.popstream.inference.diffusion.DiffusionModelLoader;
import org.popstream.inference.diffusion.DiffusionSampler;
import org.popstream.inference.diffusion.FixedGrid;
import org.popstream.inference.diffusion.FixedGridLogDensityOps;
import org.popstream.inference.diffusion.LoadedDiffusionModel;
import org.popstream.inference.diffusion.LogDensityResult;
import org.popstream.inference.diffusion.ProbabilityFlow;
import org.popstream.inference.diffusion.SampleResult;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.AssignVariableOp;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * The pop-cosmos learned population prior behind {@link Prior}: a flowfusion diffusion model over
 * (N, θ1..θ15), restricted to the analytic prior's box (−∞ outside; not renormalised inside, which
 * only shifts the log-density by a constant).
 *
 * <p>Two evaluations of the same density: in the sampler's graph, the probability-flow ODE on a fixed
 * RK4 grid ({@link FixedGridLogDensityOps}; a graph cannot host the adaptive Java-driven solver); in
 * double precision, the adaptive Dormand–Prince solve with the exact trace (reference, banks,
 * importance weights). Sampling integrates the ODE from base draws and keeps draws inside the box.
 *
 * <p>Owns a TensorFlow session for the double-precision path: close it.
 */
public final class LearnedPrior implements Prior, AutoCloseable {

    private static final int MAX_SAMPLING_ROUNDS = 1000;

    private final LoadedDiffusionModel loaded;
    private final Bounds bounds;
    private final PopulationCoordinates coordinates;
    private final LearnedPriorSettings settings;
    private final ProbabilityFlow flow;
    private final DiffusionLogDensity reference;
    private final DiffusionSampler sampler;

    public LearnedPrior(LoadedDiffusionModel loaded, Bounds bounds, PopulationCoordinates coordinates,
            LearnedPriorSettings settings) {
        DiffusionModel model = loaded.model();
        if (model.isConditional()) {
            throw new IllegalArgumentException(loaded.file() + ": the population prior must be unconditional, but the model found ("
                    + loaded.objectPath() + ") is conditional on " + model.conditionals() + " values");
        }
        if (model.dimensions() != ParameterSpace.DIMENSION || bounds.dimension() != ParameterSpace.DIMENSION) {
            throw new IllegalArgumentException(loaded.file() + ": the population model has " + model.dimensions()
                    + " dimensions and the bounds " + bounds.dimension() + "; the parameter space has " + ParameterSpace.DIMENSION);
        }
        this.loaded = loaded;
        this.bounds = bounds;
        this.coordinates = coordinates;
        this.settings = settings;
        this.flow = new ProbabilityFlow(model);
        this.reference = new DiffusionLogDensity(flow, settings.reference());
        this.sampler = new DiffusionSampler(flow, settings.reference());
    }

    /** Loads the model file (a bare population model or a full catalogue model) with Planck18 distances. */
    public static LearnedPrior load(Path file, Bounds bounds, LearnedPriorSettings settings) {
        return new LearnedPrior(DiffusionModelLoader.load(file), bounds,
                new PopulationCoordinates(DistanceModulusTable.planck18(), bounds, settings.mapping()), settings);
    }

    public LoadedDiffusionModel loaded() {
        return loaded;
    }

    @Override
    public Bounds bounds() {
        return bounds;
    }

    @Override
    public Operand<TFloat32> logDensity(Ops tf, Operand<TFloat32> theta) {
        ExecutionEnvironment env = tf.scope().env();
        if (!(env instanceof Graph graph)) {
            throw new IllegalStateException("the learned prior builds a while loop and needs a graph, not " + env);
        }
        int rank = theta.shape().numDimensions();
        if (rank < 1) {
            throw new IllegalArgumentException("theta needs a known rank with parameters on the last axis, got shape " + theta.shape());
        }
        Ops scope = tf.withSubScope("learned_prior");
        Operand<TInt32> shape = scope.shape(theta);
        Operand<TInt32> leading = scope.slice(shape, scope.constant(new int[] {0}), scope.constant(new int[] {rank - 1}));
        Operand<TFloat64> x = coordinates.toModel(scope, detached(scope, theta));
        Operand<TFloat64> rows = scope.reshape(x, scope.constant(new int[] {-1, ParameterSpace.DIMENSION}));
        Operand<TFloat64> logp = FixedGridLogDensityOps.logDensity(graph, scope, loaded.model(),
                FixedGrid.forSde(loaded.model().sde(), settings.graphSteps()), rows, null);
        Operand<TFloat32> density = scope.dtypes.cast(
                scope.math.add(scope.reshape(logp, leading), coordinates.logJacobian(scope, x)), TFloat32.class);
        Operand<TBool> inside = bounds.contains(scope, theta, scope.constant(-1));
        // a box edge lies at infinity in probit coordinates (float32 θ rounds onto it near the edge): density 0
        Operand<TBool> defined = scope.math.logicalAnd(inside, scope.math.isFinite(density));
        return scope.select(defined, density, scope.fill(leading, scope.constant(Float.NEGATIVE_INFINITY)));
    }

    /**
     * θ's value without a data edge back to θ: written to a resource variable and read back after the
     * write (a control edge). TensorFlow's C++ gradient builder cannot differentiate the ODE's while loop
     * (it aborts the process), and it follows data edges only, so gradients of a posterior that contains
     * this prior are taken as if the learned prior were constant: the MAP search sees the likelihood and the
     * box, the sampler sees the full learned density.
     */
    private static Operand<TFloat32> detached(Ops tf, Operand<TFloat32> theta) {
        VarHandleOp holder = tf.varHandleOp(TFloat32.class, Shape.unknown());
        AssignVariableOp write = tf.assignVariableOp(holder, tf.stopGradient(theta), AssignVariableOp.validateShape(false));
        return tf.withControlDependencies(List.of(write)).readVariableOp(holder, TFloat32.class);
    }

    @Override
    public double logDensity(double[] theta) {
        return logDensities(new double[][] {theta})[0];
    }

    /**
     * Double-precision log-densities of many points in one batched adaptive solve: −∞ outside the box and
     * on its edges where the probit mapping sends a coordinate to infinity; NaN where the solver failed.
     */
    public double[] logDensities(double[][] thetas) {
        double[] out = new double[thetas.length];
        List<Integer> insideRows = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        List<Double> jacobians = new ArrayList<>();
        for (int i = 0; i < thetas.length; i++) {
            double[] x = modelPoint(thetas[i]);
            if (x != null) {
                insideRows.add(i);
                points.add(x);
                jacobians.add(coordinates.logJacobian(thetas[i], x));
            } else {
                out[i] = Double.NEGATIVE_INFINITY;
            }
        }
        if (!points.isEmpty()) {
            LogDensityResult result = reference.logDensity(points.toArray(double[][]::new));
            for (int k = 0; k < insideRows.size(); k++) {
                out[insideRows.get(k)] = result.logDensity()[k] + jacobians.get(k);
            }
        }
        return out;
    }

    @Override
    public double[] sample(RandomGenerator random) {
        return sampleBank(1, random)[0];
    }

    /**
     * {@code count} draws inside the box: standard-normal base draws from {@code random}, the ODE from
     * T to ε in batches, draws outside the box discarded.
     */
    public double[][] sampleBank(int count, RandomGenerator random) {
        List<double[]> kept = new ArrayList<>(count);
        for (int round = 0; kept.size() < count; round++) {
            if (round == MAX_SAMPLING_ROUNDS) {
                throw new IllegalStateException("the learned prior put " + kept.size() + " of the draws of " + round
                        + " rounds inside the parameter box; the model and the bounds do not fit together");
            }
            int remaining = count - kept.size();
            int batch = remaining + remaining / 4 + 1; // a few spares for draws that land outside the box
            SampleResult result = sampler.sample(batch, random);
            for (int r = 0; r < batch && kept.size() < count; r++) {
                if (result.failures()[r] == null) {
                    double[] theta = coordinates.fromModel(result.samples()[r]);
                    // a draw far out in a probit coordinate rounds onto the box edge, where the density is 0
                    if (modelPoint(theta) != null) {
                        kept.add(theta);
                    }
                }
            }
        }
        return kept.toArray(double[][]::new);
    }

    /**
     * θ in the model's coordinates, or null where the density is 0: outside the box, or on an edge
     * the probit mapping sends to infinity.
     */
    private double[] modelPoint(double[] theta) {
        if (!bounds.contains(theta)) {
            return null;
        }
        double[] x = coordinates.toModel(theta);
        return Arrays.stream(x).allMatch(Double::isFinite) ? x : null;
    }

    @Override
    public String description() {
        DiffusionModel model = loaded.model();
        return String.format(Locale.ROOT, "learned(file=%s%s, %s, coordinates=N+%s, graph=RK4x%d, reference=dopri5 rtol=%g atol=%g)",
                loaded.file().getFileName(), loaded.objectPath().isEmpty() ? "" : "#" + loaded.objectPath(),
                model.sde().describe(), coordinates.mapping().name().toLowerCase(Locale.ROOT), settings.graphSteps(), settings.reference().relativeTolerance(),
                settings.reference().absoluteTolerance());
    }

    @Override
    public void close() {
        flow.close();
    }
}
