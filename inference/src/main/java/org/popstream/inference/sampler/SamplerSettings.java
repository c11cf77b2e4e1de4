package org.popstream.inference.sampler;

import java.io.Serializable;

/**
 * Ensemble sampler configuration, validated once. Serializable: the streaming job ships it to every
 * inference subtask. The command line and the job's configuration declare these settings in
 * {@code org.popstream.inference.settings.FitOptions}.
 *
 * @param walkers      ensemble size per galaxy (even: two half-ensembles)
 * @param steps        total steps including burn-in
 * @param burn         steps discarded before recording
 * @param thin         record every {@code thin}-th step after burn-in
 * @param stepsPerRun  steps unrolled into one Session.run (fewer JNI round trips)
 * @param earlyStop    stop a galaxy once its autocorrelation estimate is stable and its chain long enough
 * @param earlyStopFactor K in "chain longer than K·τ"
 */
public record SamplerSettings(int walkers, int steps, int burn, int thin, int stepsPerRun,
                              boolean earlyStop, double earlyStopFactor) implements Serializable {

    public static final SamplerSettings DEFAULT = new SamplerSettings(64, 1000, 500, 10, 10, false, 50);

    public SamplerSettings {
        if (walkers < 4 || walkers % 2 != 0) {
            throw new IllegalArgumentException("walkers must be even and >= 4, got " + walkers);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (burn < 0 || burn >= steps) {
            throw new IllegalArgumentException("burn must be in [0, steps), got burn=" + burn + ", steps=" + steps);
        }
        if (thin < 1 || thin > steps - burn) {
            throw new IllegalArgumentException("thin must be in [1, steps - burn], got thin=" + thin + ", steps - burn="
                    + (steps - burn));
        }
        if (stepsPerRun < 1) {
            throw new IllegalArgumentException("stepsPerRun must be >= 1, got " + stepsPerRun);
        }
        if (!(earlyStopFactor > 0)) {
            throw new IllegalArgumentException("earlyStopFactor must be > 0, got " + earlyStopFactor);
        }
    }

    public int halfWalkers() {
        return walkers / 2;
    }

    /** Whether the state after {@code completedSteps} steps is kept as a posterior draw. */
    public boolean records(int completedSteps) {
        return completedSteps > burn && (completedSteps - burn) % thin == 0;
    }
}
