package org.popstream.inference.startup;

import java.util.List;

/**
 * What the prior bank gives one galaxy.
 *
 * @param seeds     the best distinct bank points (at their profiled masses), best first: where the
 *                  mode search starts
 * @param startBeta the likelihood temperature β₀ in (0, 1] the chain starts from (1 = untempered)
 * @param walkers   walkers drawn from the bank for the posterior tempered to {@code startBeta}, or
 *                  empty when the bank does not resolve it even tempered (the Laplace mixture is then
 *                  the start)
 */
record BankStart(List<double[]> seeds, double startBeta, List<double[]> walkers) {

    BankStart {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a bank start needs at least one seed");
        }
        seeds = List.copyOf(seeds);
        walkers = List.copyOf(walkers);
    }

    /** Whether the bank itself supplies the walkers. */
    boolean resolved() {
        return !walkers.isEmpty();
    }

    /** Whether the bank supplies the walkers for the untempered posterior: nothing else is needed. */
    boolean complete() {
        return resolved() && startBeta == 1;
    }
}
