package org.popstream.inference.startup;

import java.util.List;
import org.popstream.inference.sampler.TemperingSchedule;

/**
 * One galaxy's starting ensemble and how its chain is tempered during burn-in.
 *
 * @param walkers               starting positions, one parameter vector (D values) per walker
 * @param startBeta             the likelihood temperature β₀ in (0, 1] the chain starts from; β rises
 *                              to 1 during burn-in ({@link TemperingSchedule}); 1 = untempered
 * @param fallback              walkers to restart from when, as β reaches 1, the best walker lies more
 *                              than {@link TemperingSchedule#MISSED_CORE} below
 *                              {@code referenceLogPosterior} (the annealed ensemble missed the core);
 *                              empty for no restart
 * @param referenceLogPosterior the log posterior the ensemble should reach (the MAP found), NaN for none
 */
public record StartEnsemble(List<double[]> walkers, double startBeta, List<double[]> fallback,
                            double referenceLogPosterior) {

    public StartEnsemble {
        if (walkers.isEmpty()) {
            throw new IllegalArgumentException("a start ensemble needs walkers");
        }
        if (!(startBeta > 0 && startBeta <= 1)) {
            throw new IllegalArgumentException("the starting temperature must be in (0, 1], got " + startBeta);
        }
        if (!fallback.isEmpty() && fallback.size() != walkers.size()) {
            throw new IllegalArgumentException("the fallback has " + fallback.size() + " walkers, the start "
                    + walkers.size());
        }
        int dimension = walkers.get(0).length;
        if (walkers.stream().anyMatch(w -> w.length != dimension) || fallback.stream().anyMatch(w -> w.length != dimension)) {
            throw new IllegalArgumentException("every walker needs " + dimension + " parameters");
        }
        walkers = List.copyOf(walkers);
        fallback = List.copyOf(fallback);
    }

    /** Parameters per walker. */
    public int dimension() {
        return walkers.get(0).length;
    }

    /** Walkers that are already posterior draws: no tempering, no restart. */
    public static StartEnsemble untempered(List<double[]> walkers) {
        return new StartEnsemble(walkers, 1, List.of(), Double.NaN);
    }

    public boolean hasFallback() {
        return !fallback.isEmpty();
    }
}
