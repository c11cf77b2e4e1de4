package org.popstream.inference.fit;

import java.io.Serializable;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.sampler.SamplerSettings;

/**
 * Everything that determines a fit besides the data and the model: same settings, seed and data
 * give bit-identical results. Serializable: the streaming job ships it to every inference subtask.
 *
 * @param threads     TensorFlow intra-op threads
 * @param keepSamples return the thinned draws with each result
 * @param batchSize   every batch is run at exactly this many galaxies (padded with inert fillers,
 *                    longer ones split): TF's float32 kernels round differently for different batch
 *                    shapes, so a galaxy's draws are bit-identical across batchings only at a fixed
 *                    size. 0 = run each batch at its own size (faster for small batches, not exact)
 */
public record FitSettings(SamplerSettings sampler, InitialisationSettings initialisation, long seed, int threads,
                          boolean keepSamples, int batchSize) implements Serializable {
    public FitSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be >= 0, got " + batchSize);
        }
    }

    public FitSettings withKeepSamples(boolean keep) {
        return new FitSettings(sampler, initialisation, seed, threads, keep, batchSize);
    }
}
