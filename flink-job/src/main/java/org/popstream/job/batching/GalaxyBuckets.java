package org.popstream.job.batching;

import org.apache.flink.api.java.functions.KeySelector;
import org.popstream.job.validation.ValidGalaxy;

/**
 * Keys galaxies into a fixed number of buckets by id hash. Batching per galaxy id would never
 * fill a batch; one global key would serialise all inference onto one subtask. A few buckets per
 * subtask spread the load while each bucket still fills its batches quickly.
 */
public final class GalaxyBuckets implements KeySelector<ValidGalaxy, Integer> {

    private final int buckets;

    public GalaxyBuckets(int buckets) {
        this.buckets = buckets;
    }

    @Override
    public Integer getKey(ValidGalaxy galaxy) {
        return Math.floorMod(galaxy.galaxyId().hashCode(), buckets);
    }
}
