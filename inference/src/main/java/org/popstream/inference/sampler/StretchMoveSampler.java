package org.popstream.inference.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.popstream.inference.tensor.FlatTensors;
import org.popstream.inference.tensor.SessionFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Goodman &amp; Weare affine-invariant stretch move (a = 2) for a whole batch of galaxies at once,
 * ensemble tensor [walkers, galaxies, D] (science.md §5).
 *
 * <p>The ensemble lives in TensorFlow resource variables; one {@code Session.run} advances it by
 * {@code stepsPerRun} unrolled steps and returns only the walker means (for the autocorrelation
 * time) and the states that are recorded after burn-in and thinning. The random numbers are drawn
 * in Java from each galaxy's own stream ({@link GalaxyRandomStream}) and fed per run, so a
 * galaxy's chain does not depend on its batch neighbours.
 *
 * <p>One instance is bound to a fixed batch size; it owns a graph and session and is not thread-safe.
 */
public final class StretchMoveSampler<B> implements AutoCloseable {

    /** Uniform draws per walker per half-step: partner choice, stretch factor, acceptance. */
    private static final int DRAWS = 3;

    private final SamplerSettings settings;
    private final int galaxies;
    private final int dim;
    private final int half;
    private final int unroll;
    private final Graph graph;
    private final Session session;
    private final TargetGraph<B> target;

    private final Placeholder<TFloat32> initialState;
    private final List<Op> initialise = new ArrayList<>();
    private final Op resetAccepted;
    private final Placeholder<TFloat32> uniforms;
    private final Placeholder<TFloat32> activeMask;
    private final Placeholder<TFloat32> temperature;
    private final List<Operand<TFloat32>> stepStates = new ArrayList<>();
    private final List<Operand<TFloat32>> stepLogProbs = new ArrayList<>();
    private final Operand<TFloat32> walkerMeans;
    private final Operand<TFloat32> acceptedAfter;
    private final List<Op> advance = new ArrayList<>();

    public StretchMoveSampler(EnsembleTarget<B> targetModel, SamplerSettings settings, int galaxies, int threads) {
        this.settings = settings;
        this.galaxies = galaxies;
        this.dim = targetModel.dimension();
        this.half = settings.halfWalkers();
        this.unroll = Math.min(settings.stepsPerRun(), settings.steps());
        this.graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            this.target = targetModel.build(tf.withSubScope("target"), galaxies);

            VarHandleOp xA = tf.withName("xA").varHandleOp(TFloat32.class, Shape.of(half, galaxies, dim), VarHandleOp.sharedName("ensemble_xA"));
            VarHandleOp xB = tf.withName("xB").varHandleOp(TFloat32.class, Shape.of(half, galaxies, dim), VarHandleOp.sharedName("ensemble_xB"));
            VarHandleOp lpA = tf.withName("lpA").varHandleOp(TFloat32.class, Shape.of(half, galaxies), VarHandleOp.sharedName("ensemble_lpA"));
            VarHandleOp lpB = tf.withName("lpB").varHandleOp(TFloat32.class, Shape.of(half, galaxies), VarHandleOp.sharedName("ensemble_lpB"));
            VarHandleOp priorA = tf.withName("priorA").varHandleOp(TFloat32.class, Shape.of(half, galaxies), VarHandleOp.sharedName("ensemble_priorA"));
            VarHandleOp priorB = tf.withName("priorB").varHandleOp(TFloat32.class, Shape.of(half, galaxies), VarHandleOp.sharedName("ensemble_priorB"));
            VarHandleOp accepted = tf.withName("accepted").varHandleOp(TFloat32.class, Shape.of(galaxies), VarHandleOp.sharedName("ensemble_accepted"));

            // initialisation: split the ensemble into halves and score it
            initialState = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2L * half, galaxies, dim)));
            var halves = tf.split(tf.constant(0), initialState, 2L);
            TargetGraph.Parts initialParts = parts(tf, initialState);
            var lpHalves = tf.split(tf.constant(0), initialParts.total(), 2L);
            var priorHalves = tf.split(tf.constant(0), initialParts.prior(), 2L);
            initialise.add(tf.assignVariableOp(xA, halves.output().get(0)));
            initialise.add(tf.assignVariableOp(xB, halves.output().get(1)));
            initialise.add(tf.assignVariableOp(lpA, lpHalves.output().get(0)));
            initialise.add(tf.assignVariableOp(lpB, lpHalves.output().get(1)));
            initialise.add(tf.assignVariableOp(priorA, priorHalves.output().get(0)));
            initialise.add(tf.assignVariableOp(priorB, priorHalves.output().get(1)));
            resetAccepted = tf.assignVariableOp(accepted, tf.zeros(tf.constant(new int[] {galaxies}), TFloat32.class));

            // unrolled steps
            uniforms = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(unroll * 2L * DRAWS, half, galaxies)));
            activeMask = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(unroll, galaxies)));
            temperature = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(unroll, galaxies)));
            List<? extends Operand<TFloat32>> beta = tf.unstack(temperature, (long) unroll).output();
            List<? extends Operand<TFloat32>> u = tf.unstack(uniforms, (long) unroll * 2 * DRAWS).output();
            List<? extends Operand<TFloat32>> active = tf.unstack(activeMask, (long) unroll).output();
            Operand<TInt32> galaxyIndex = tf.constant(galaxyIndexGrid());

            Operand<TFloat32>[] x = new Operand[] {tf.readVariableOp(xA, TFloat32.class), tf.readVariableOp(xB, TFloat32.class)};
            Operand<TFloat32>[] lp = new Operand[] {tf.readVariableOp(lpA, TFloat32.class), tf.readVariableOp(lpB, TFloat32.class)};
            Operand<TFloat32>[] pr = new Operand[] {tf.readVariableOp(priorA, TFloat32.class), tf.readVariableOp(priorB, TFloat32.class)};
            Operand<TFloat32> acc = tf.readVariableOp(accepted, TFloat32.class);
            List<Operand<TFloat32>> means = new ArrayList<>();
            for (int k = 0; k < unroll; k++) {
                Ops step = tf.withSubScope("step" + k);
                Operand<TBool> isActive = step.broadcastTo(step.math.greater(active.get(k), step.constant(0f)),
                        step.constant(new int[] {half, galaxies}));
                for (int h = 0; h < 2; h++) {
                    int base = (k * 2 + h) * DRAWS;
                    HalfStep moved = halfStep(step.withSubScope("half" + h), x[h], lp[h], pr[h], x[1 - h],
                            u.get(base), u.get(base + 1), u.get(base + 2), beta.get(k), isActive, galaxyIndex);
                    x[h] = moved.state;
                    lp[h] = moved.logProb;
                    pr[h] = moved.logPrior;
                    acc = step.math.add(acc, moved.acceptedPerGalaxy);
                }
                Operand<TFloat32> ensemble = step.concat(List.of(x[0], x[1]), step.constant(0));
                stepStates.add(ensemble);
                stepLogProbs.add(step.concat(List.of(lp[0], lp[1]), step.constant(0)));
                means.add(step.math.mean(ensemble, step.constant(0)));
            }
            walkerMeans = tf.stack(means);
            acceptedAfter = acc;
            advance.add(tf.assignVariableOp(xA, x[0]));
            advance.add(tf.assignVariableOp(xB, x[1]));
            advance.add(tf.assignVariableOp(lpA, lp[0]));
            advance.add(tf.assignVariableOp(lpB, lp[1]));
            advance.add(tf.assignVariableOp(priorA, pr[0]));
            advance.add(tf.assignVariableOp(priorB, pr[1]));
            advance.add(tf.assignVariableOp(accepted, acc));
            this.session = SessionFactory.open(graph, threads);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private record HalfStep(Operand<TFloat32> state, Operand<TFloat32> logProb, Operand<TFloat32> logPrior,
                            Operand<TFloat32> acceptedPerGalaxy) {}

    /** Total and prior log-density, NaN as −∞; a target without a split has prior 0 (tempered whole). */
    private TargetGraph.Parts parts(Ops tf, Operand<TFloat32> points) {
        TargetGraph.Parts parts = target.logProbabilityParts(points);
        Operand<TFloat32> total = finite(tf, parts.total());
        return new TargetGraph.Parts(parts.prior() == null ? tf.zerosLike(total) : parts.prior(), total);
    }

    /** prior + β·likelihood, written so that β = 1 gives the total exactly. */
    private static Operand<TFloat32> tempered(Ops tf, Operand<TFloat32> total, Operand<TFloat32> prior, Operand<TFloat32> oneMinusBeta) {
        return finite(tf, tf.math.sub(total, tf.math.mul(oneMinusBeta, tf.math.sub(total, prior))));
    }

    /** Moves every walker of one half against partners from the complementary half. */
    private HalfStep halfStep(Ops tf, Operand<TFloat32> xs, Operand<TFloat32> lps, Operand<TFloat32> priors,
                              Operand<TFloat32> complement,
                              Operand<TFloat32> uPartner, Operand<TFloat32> uStretch, Operand<TFloat32> uAccept,
                              Operand<TFloat32> beta, Operand<TBool> isActive, Operand<TInt32> galaxyIndex) {
        Operand<TInt32> partner = tf.math.minimum(
                tf.dtypes.cast(tf.math.floor(tf.math.mul(uPartner, tf.constant((float) half))), TInt32.class),
                tf.constant(half - 1));
        Operand<TFloat32> xk = tf.gatherNd(complement, tf.stack(List.of(partner, galaxyIndex), org.tensorflow.op.core.Stack.axis(-1L)));
        // Z = ((a − 1) u + 1)² / a with a = 2
        Operand<TFloat32> z = tf.math.mul(tf.constant(0.5f), tf.math.square(tf.math.add(uStretch, tf.constant(1f))));
        Operand<TFloat32> proposal = tf.math.add(xk,
                tf.math.mul(tf.expandDims(z, tf.constant(-1)), tf.math.sub(xs, xk)));
        TargetGraph.Parts proposed = parts(tf, proposal);
        Operand<TFloat32> oneMinusBeta = tf.math.sub(tf.constant(1f), beta); // [galaxies], broadcast over walkers
        Operand<TFloat32> logRatio = tf.math.add(
                tf.math.mul(tf.constant((float) (dim - 1)), tf.math.log(z)),
                tf.math.sub(tempered(tf, proposed.total(), proposed.prior(), oneMinusBeta),
                        tempered(tf, lps, priors, oneMinusBeta)));
        Operand<TBool> accept = tf.math.logicalAnd(isActive, tf.math.less(tf.math.log(uAccept), logRatio));
        Operand<TBool> acceptPoint = tf.broadcastTo(tf.expandDims(accept, tf.constant(-1)), tf.shape(xs));
        return new HalfStep(
                tf.select(acceptPoint, proposal, xs),
                tf.select(accept, proposed.total(), lps),
                tf.select(accept, proposed.prior(), priors),
                tf.reduceSum(tf.dtypes.cast(accept, TFloat32.class), tf.constant(0)));
    }

    /** NaN log-probability counts as −∞ (the reference code maps it to +∞, a bug not copied). */
    private static Operand<TFloat32> finite(Ops tf, Operand<TFloat32> lp) {
        return tf.select(tf.math.isNan(lp), tf.fill(tf.shape(lp), tf.constant(Float.NEGATIVE_INFINITY)), lp);
    }

    private int[][] galaxyIndexGrid() {
        int[][] g = new int[half][galaxies];
        for (int[] row : g) {
            for (int i = 0; i < galaxies; i++) {
                row[i] = i;
            }
        }
        return g;
    }

    /** Observer of progress, e.g. a progress bar; called after every run with the steps done. */
    public interface Progress {
        void stepsCompleted(int steps);

        Progress NONE = steps -> {};
    }

    /**
     * Samples one batch.
     *
     * @param batch    the target's data (uploaded once)
     * @param initial  starting ensemble, row-major [walkers, galaxies, D]
     * @param streams  one random stream per galaxy, consumed in step order
     * @param stopRule decides per galaxy when its chain may end early (ignored unless early stop is on)
     */
    public List<GalaxyChain> sample(B batch, float[] initial, List<GalaxyRandomStream> streams, EarlyStopRule stopRule,
                                    Progress progress) {
        return sample(batch, initial, streams, stopRule, progress, TemperingSchedule.NONE);
    }

    /**
     * Samples one batch, each galaxy's likelihood tempered by {@code tempering} during burn-in (β
     * reaches 1 before the first recorded step).
     */
    public List<GalaxyChain> sample(B batch, float[] initial, List<GalaxyRandomStream> streams, EarlyStopRule stopRule,
                                    Progress progress, TemperingSchedule tempering) {
        if (streams.size() != galaxies) {
            throw new IllegalArgumentException("expected " + galaxies + " random streams, got " + streams.size());
        }
        target.bind(session, batch);
        load(initial);
        session.runner().addTarget(resetAccepted).run().close();
        int walkers = 2 * half;
        int steps = settings.steps();
        int[] stepsUsed = new int[galaxies];
        boolean[] stopped = new boolean[galaxies];
        List<FloatList> samples = new ArrayList<>();
        List<FloatList> sampleLp = new ArrayList<>();
        List<FloatList> means = new ArrayList<>();
        for (int g = 0; g < galaxies; g++) {
            samples.add(new FloatList());
            sampleLp.add(new FloatList());
            means.add(new FloatList());
        }
        float[] accepted = new float[galaxies];
        float[] lastState = initial;
        int done = 0;
        while (done < steps && !allTrue(stopped)) {
            float[] draws = new float[unroll * 2 * DRAWS * half * galaxies];
            float[] activeSteps = new float[unroll * galaxies];
            float[] betas = new float[unroll * galaxies];
            for (int k = 0; k < unroll; k++) {
                for (int g = 0; g < galaxies; g++) {
                    betas[k * galaxies + g] = (float) tempering.beta(g, done + k, settings.burn());
                }
            }
            for (int g = 0; g < galaxies; g++) {
                if (stopped[g]) {
                    continue;
                }
                GalaxyRandomStream stream = streams.get(g);
                for (int k = 0; k < unroll && done + k < steps; k++) {
                    activeSteps[k * galaxies + g] = 1;
                    for (int slot = k * 2 * DRAWS; slot < (k + 1) * 2 * DRAWS; slot++) {
                        for (int j = 0; j < half; j++) {
                            draws[(slot * half + j) * galaxies + g] = stream.nextOpenFloat();
                        }
                    }
                }
            }
            List<Integer> recorded = new ArrayList<>();
            for (int k = 0; k < unroll && done + k < steps; k++) {
                if (settings.records(done + k + 1)) {
                    recorded.add(k);
                }
            }
            try (TFloat32 uT = FlatTensors.of(draws, unroll * 2L * DRAWS, half, galaxies);
                 TFloat32 aT = FlatTensors.of(activeSteps, unroll, galaxies);
                 TFloat32 bT = FlatTensors.of(betas, unroll, galaxies)) {
                Session.Runner r = session.runner().feed(uniforms, uT).feed(activeMask, aT).feed(temperature, bT)
                        .fetch(walkerMeans).fetch(acceptedAfter);
                for (int k : recorded) {
                    r.fetch(stepStates.get(k)).fetch(stepLogProbs.get(k));
                }
                boolean lastRun = done + unroll >= steps;
                boolean needFinal = lastRun || settings.earlyStop();
                boolean finalIsRecorded = !recorded.isEmpty() && recorded.get(recorded.size() - 1) == unroll - 1;
                if (needFinal && !finalIsRecorded) {
                    r.fetch(stepStates.get(unroll - 1));
                }
                boolean annealingEnds = false;
                for (int g = 0; g < galaxies; g++) {
                    annealingEnds |= !stopped[g] && reachesOne(tempering, g, done + unroll);
                }
                int checkAt = 2 + 2 * recorded.size() + (needFinal && !finalIsRecorded ? 1 : 0);
                if (annealingEnds) {
                    r.fetch(stepStates.get(unroll - 1)).fetch(stepLogProbs.get(unroll - 1));
                }
                advance.forEach(r::addTarget);
                try (Result out = r.run()) {
                    float[] m = FlatTensors.read(out.get(0));
                    accepted = FlatTensors.read(out.get(1));
                    for (int k = 0; k < unroll && done + k < steps; k++) {
                        for (int g = 0; g < galaxies; g++) {
                            if (activeSteps[k * galaxies + g] > 0) {
                                stepsUsed[g]++;
                                if (done + k + 1 > settings.burn()) {
                                    means.get(g).add(m, (k * galaxies + g) * dim, dim);
                                }
                            }
                        }
                    }
                    for (int i = 0; i < recorded.size(); i++) {
                        int k = recorded.get(i);
                        float[] state = FlatTensors.read(out.get(2 + 2 * i));
                        float[] lps = FlatTensors.read(out.get(3 + 2 * i));
                        for (int g = 0; g < galaxies; g++) {
                            if (activeSteps[k * galaxies + g] == 0) {
                                continue;
                            }
                            for (int w = 0; w < walkers; w++) {
                                samples.get(g).add(state, (w * galaxies + g) * dim, dim);
                                sampleLp.get(g).add(lps[w * galaxies + g]);
                            }
                        }
                    }
                    if (needFinal) {
                        lastState = FlatTensors.read(out.get(finalIsRecorded ? 2 * recorded.size() : 2 + 2 * recorded.size()));
                    }
                    if (annealingEnds) {
                        float[] state = FlatTensors.read(out.get(checkAt));
                        float[] logProbability = FlatTensors.read(out.get(checkAt + 1));
                        if (restartMissedCores(state, logProbability, tempering, done + unroll)) {
                            load(state); // acceptance counts carry on
                        }
                    }
                }
            }
            done += unroll;
            progress.stepsCompleted(Math.min(done, steps));
            if (settings.earlyStop() && done > settings.burn()) {
                for (int g = 0; g < galaxies; g++) {
                    if (!stopped[g] && stopRule.shouldStop(g, means.get(g).toArray(), dim)) {
                        stopped[g] = true;
                    }
                }
            }
        }
        List<GalaxyChain> chains = new ArrayList<>(galaxies);
        for (int g = 0; g < galaxies; g++) {
            float[] finalState = new float[walkers * dim];
            for (int w = 0; w < walkers; w++) {
                System.arraycopy(lastState, (w * galaxies + g) * dim, finalState, w * dim, dim);
            }
            double acceptance = stepsUsed[g] == 0 ? 0 : accepted[g] / ((double) stepsUsed[g] * walkers);
            chains.add(new GalaxyChain(dim, samples.get(g).toArray(), sampleLp.get(g).toArray(),
                    means.get(g).toArray(), stepsUsed[g], acceptance, finalState));
        }
        return chains;
    }

    /** Puts {@code ensemble} [walkers, galaxies, D] into the state variables and scores it. */
    private void load(float[] ensemble) {
        try (TFloat32 init = FlatTensors.of(ensemble, 2L * half, galaxies, dim)) {
            Session.Runner r = session.runner().feed(initialState, init);
            initialise.forEach(r::addTarget);
            r.run().close();
        }
    }

    private boolean reachesOne(TemperingSchedule tempering, int galaxy, int nextStep) {
        return tempering.beta(galaxy, nextStep, settings.burn()) >= 1
                && tempering.beta(galaxy, nextStep - unroll, settings.burn()) < 1;
    }

    /**
     * Galaxies whose β just reached 1 without finding their MAP's core restart from the fallback
     * ensemble (written into {@code state}); returns whether any did.
     */
    private boolean restartMissedCores(float[] state, float[] logProbability, TemperingSchedule tempering, int nextStep) {
        int walkers = 2 * half;
        boolean any = false;
        for (int g = 0; g < galaxies; g++) {
            if (!reachesOne(tempering, g, nextStep)) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int w = 0; w < walkers; w++) {
                best = Math.max(best, logProbability[w * galaxies + g]);
            }
            if (tempering.missedCore(g, best)) {
                any = true;
                for (int w = 0; w < walkers; w++) {
                    System.arraycopy(tempering.fallbackEnsemble(), (w * galaxies + g) * dim, state, (w * galaxies + g) * dim, dim);
                }
            }
        }
        return any;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    public int galaxies() {
        return galaxies;
    }

    public SamplerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    /** Growable float array (chains of unknown final length under early stop). */
    private static final class FloatList {
        private float[] data = new float[64];
        private int size;

        void add(float v) {
            ensure(1);
            data[size++] = v;
        }

        void add(float[] src, int from, int n) {
            ensure(n);
            System.arraycopy(src, from, data, size, n);
            size += n;
        }

        private void ensure(int n) {
            if (size + n > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, size + n));
            }
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
