package org.popstream.inference.startup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.prior.Bounds;

/**
 * Each galaxy's posterior modes from its seeds (the best bank points): Adam on −log p (TensorFlow
 * gradients) to the MAP, then {@link #NEWTON_ITERATIONS} damped Newton steps, each with a fresh
 * finite-difference curvature; with optimisation off, the curvature at the seeds themselves.
 * A MAP optimiser graph is built per batch size and reused.
 */
final class ModeSearch implements AutoCloseable {

    /** Damped Newton iterations after Adam (each with a fresh curvature). */
    static final int NEWTON_ITERATIONS = 4;

    private final PhotometricPosterior posterior;
    private final InitialisationSettings settings;
    private final int threads;
    private final FiniteDifferenceCurvature curvature;
    private final NewtonStep newton;
    private final Map<Integer, MapOptimiser> optimisers = new HashMap<>();

    ModeSearch(PhotometricPosterior posterior, InitialisationSettings settings, int threads) {
        this.posterior = posterior;
        this.settings = settings;
        this.threads = threads;
        Bounds bounds = posterior.prior().bounds();
        this.curvature = new FiniteDifferenceCurvature(bounds);
        this.newton = new NewtonStep(bounds);
    }

    /**
     * @param seeds per galaxy, its starting points best first ({@link InitialisationSettings#starts()}
     *              are searched; a galaxy with fewer repeats its last, the graph's shape is fixed)
     * @return per galaxy, in batch order
     */
    List<Modes> find(ObservedPhotometry photometry, List<List<double[]>> seeds) {
        int galaxies = seeds.size();
        int starts = settings.starts();
        StackedPoints start = StackedPoints.zeros(starts, galaxies, posterior.dimension());
        for (int i = 0; i < galaxies; i++) {
            List<double[]> own = seeds.get(i);
            for (int m = 0; m < starts; m++) {
                start.setPoint(m, i, own.get(Math.min(m, own.size() - 1)));
            }
        }
        MapOptimiser optimiser = optimisers.computeIfAbsent(galaxies,
                n -> new MapOptimiser(posterior, posterior.prior().bounds(), starts, n, threads));
        optimiser.bind(photometry);
        Optima optima = settings.optimise()
                ? optimiser.maximise(start, settings.adamSteps())
                : new Optima(start, optimiser.at(start).logPosterior());
        List<List<Curvature>> curvatures = curvatureAt(optimiser, optima.centres());
        if (settings.optimise()) {
            for (int iteration = 0; iteration < NEWTON_ITERATIONS; iteration++) {
                optima = newton.apply(optimiser, optima, curvatures);
                curvatures = curvatureAt(optimiser, optima.centres());
            }
        }
        List<Modes> modes = new ArrayList<>(galaxies);
        for (int i = 0; i < galaxies; i++) {
            List<Mode> found = new ArrayList<>();
            for (int m = 0; m < starts; m++) {
                double lp = optima.logPosterior().get(m, i);
                if (Double.isFinite(lp)) {
                    found.add(new Mode(optima.centres().point(m, i), lp, curvatures.get(m).get(i)));
                }
            }
            modes.add(new Modes(found));
        }
        return modes;
    }

    /** [start][galaxy], one gradient stencil per start. */
    private List<List<Curvature>> curvatureAt(PosteriorGradient gradient, StackedPoints centres) {
        List<List<Curvature>> perStart = new ArrayList<>(centres.rows());
        for (int m = 0; m < centres.rows(); m++) {
            perStart.add(curvature.at(gradient, centres, m));
        }
        return perStart;
    }

    @Override
    public void close() {
        optimisers.values().forEach(MapOptimiser::close);
        optimisers.clear();
    }
}
