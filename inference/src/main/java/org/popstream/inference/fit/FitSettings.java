package org.popstream.inference.fit;

import org.popstream.inference.posterior.InitialisationSettings;
import org.popstream.inference.sampler.SamplerSettings;

/**
 * Everything that determines a fit besides the data and the model: same settings, seed and data
 * give bit-identical results.
 *
 * @param threads     TensorFlow intra-op threads
 * @param keepSamples return the thinned draws with each result
 */
public record FitSettings(SamplerSettings sampler, InitialisationSettings initialisation, long seed, int threads,
                          boolean keepSamples) {
    public FitSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
