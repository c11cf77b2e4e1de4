package org.popstream.job.batching;

import java.util.List;

/** Galaxies fitted together in one call of the fitter. */
public record GalaxyBatch(List<QueuedGalaxy> galaxies, long flushedAtMillis) {

    public int size() {
        return galaxies.size();
    }
}
