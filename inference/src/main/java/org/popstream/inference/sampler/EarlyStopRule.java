package org.popstream.inference.sampler;

/** Decides, from a galaxy's post-burn walker-mean chain, whether its chain may end now. */
public interface EarlyStopRule {

    /**
     * @param galaxy         index in the batch
     * @param walkerMeans    post-burn walker-mean chain so far, row-major [L, dim]
     */
    boolean shouldStop(int galaxy, float[] walkerMeans, int dim);

    EarlyStopRule NEVER = (galaxy, walkerMeans, dim) -> false;
}
