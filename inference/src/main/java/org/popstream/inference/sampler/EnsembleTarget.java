package org.popstream.inference.sampler;

import org.tensorflow.op.Ops;

/**
 * A family of per-galaxy log-densities the ensemble sampler explores, e.g. the posteriors of a
 * batch of galaxies or an analytic test density. {@code B} is the batch data (photometry) that is
 * uploaded into the graph once per batch.
 */
public interface EnsembleTarget<B> {

    int dimension();

    /** Adds this target's ops for a batch of {@code galaxies} to the caller's graph. */
    TargetGraph<B> build(Ops tf, int galaxies);
}
