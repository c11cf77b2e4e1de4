package org.popstream.inference.startup;

/**
 * What a {@link StartStrategy} is asked for besides the photometry.
 *
 * @param seed    the fit's seed: with a galaxy's id it seeds that galaxy's random streams
 * @param walkers walkers per galaxy
 * @param burn    burn-in steps of the chains, which bounds how cold a tempered start may be
 *                ({@link org.popstream.inference.sampler.TemperingSchedule#smallestStartBeta})
 */
public record StartRequest(long seed, int walkers, int burn) {

    public StartRequest {
        if (walkers < 1) {
            throw new IllegalArgumentException("walkers must be >= 1, got " + walkers);
        }
        if (burn < 0) {
            throw new IllegalArgumentException("burn must be >= 0, got " + burn);
        }
    }
}
