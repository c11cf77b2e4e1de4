package org.popstream.inference.startup;

import java.util.List;
import org.popstream.inference.likelihood.ObservedPhotometry;

/**
 * A way to produce the starting ensembles of a batch of galaxies for the sampler: the bank, MAP
 * search and Laplace mixture with annealing ({@link BankLaplaceStart}), or an amortised proposal
 * that draws walkers from a trained network.
 *
 * <p>Contract: a galaxy's start depends on its own photometry, its id and the request only, never on
 * the other galaxies of the batch (the streaming job and {@code fit} batch galaxies differently and
 * must give the same posterior): every random number comes from the galaxy's own stream,
 * {@code GalaxyRandomStream.of(request.seed(), id, purpose)}, with a purpose no other step uses
 * ("bank", "init" and "mcmc" are taken). Every galaxy gets {@code request.walkers()} walkers inside
 * the prior's bounds.
 */
public interface StartStrategy extends AutoCloseable {

    /**
     * @param photometry the batch's photometry, galaxy i in row i
     * @param ids        galaxy ids in the same order
     */
    BatchStart start(ObservedPhotometry photometry, List<String> ids, StartRequest request);

    /** Releases graphs and sessions; the default holds none. */
    @Override
    default void close() {}
}
