package org.popstream.inference.startup;

import java.util.List;
import org.popstream.inference.sampler.TemperingSchedule;

/**
 * A batch's starting ensembles, one per galaxy in batch order, and their translation into what the
 * sampler takes: positions [walkers, galaxies, D] and one {@link TemperingSchedule}.
 */
public record BatchStart(List<StartEnsemble> galaxies) {

    public BatchStart {
        if (galaxies.isEmpty()) {
            throw new IllegalArgumentException("a batch start needs at least one galaxy");
        }
        int walkers = galaxies.get(0).walkers().size();
        int dimension = galaxies.get(0).dimension();
        for (StartEnsemble galaxy : galaxies) {
            if (galaxy.walkers().size() != walkers || galaxy.dimension() != dimension) {
                throw new IllegalArgumentException("every galaxy of a batch needs " + walkers + " walkers of "
                        + dimension + " parameters, got " + galaxy.walkers().size() + " of " + galaxy.dimension());
            }
        }
        galaxies = List.copyOf(galaxies);
    }

    public int walkers() {
        return galaxies.get(0).walkers().size();
    }

    /** Starting positions [walkers, galaxies, D] in float32, the sampler's layout. */
    public float[] ensemble() {
        return stack(galaxies.stream().map(StartEnsemble::walkers).toList());
    }

    /**
     * The batch's tempering: {@link TemperingSchedule#NONE} when no galaxy is tempered or can restart.
     * Otherwise a galaxy without a fallback keeps its own walkers in the fallback ensemble with no
     * reference log posterior, so it never restarts.
     */
    public TemperingSchedule tempering() {
        if (galaxies.stream().allMatch(g -> g.startBeta() == 1 && !g.hasFallback())) {
            return TemperingSchedule.NONE;
        }
        double[] startBeta = new double[galaxies.size()];
        double[] reference = new double[galaxies.size()];
        boolean anyFallback = false;
        for (int i = 0; i < startBeta.length; i++) {
            StartEnsemble galaxy = galaxies.get(i);
            startBeta[i] = galaxy.startBeta();
            reference[i] = galaxy.hasFallback() ? galaxy.referenceLogPosterior() : Double.NaN;
            anyFallback |= galaxy.hasFallback();
        }
        float[] fallback = anyFallback
                ? stack(galaxies.stream().map(g -> g.hasFallback() ? g.fallback() : g.walkers()).toList())
                : new float[0];
        return new TemperingSchedule(startBeta, fallback, reference);
    }

    private float[] stack(List<List<double[]>> walkersPerGalaxy) {
        StackedPoints stacked = StackedPoints.zeros(walkers(), walkersPerGalaxy.size(), galaxies.get(0).dimension());
        for (int i = 0; i < walkersPerGalaxy.size(); i++) {
            List<double[]> own = walkersPerGalaxy.get(i);
            for (int w = 0; w < own.size(); w++) {
                stacked.setPoint(w, i, own.get(w));
            }
        }
        return stacked.values();
    }
}
