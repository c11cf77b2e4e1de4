package org.popstream.inference.fit;

import java.util.List;

/**
 * Fits a micro-batch of galaxies. Shared by {@code popstream fit} and the streaming job so both
 * give the same posterior for the same galaxy, seed and settings: a galaxy's random stream must
 * depend only on (seed, galaxy id), never on which other galaxies share its batch.
 *
 * <p>Implementations own native resources (TensorFlow sessions) and are not thread-safe: one per
 * thread / Flink subtask.
 */
public interface GalaxyFitter extends AutoCloseable {

    /** Results in the order of {@code batch}. */
    List<PosteriorResult> fit(List<GalaxyPhotometry> batch);

    /** Hash of the model files in use, reported with every result. */
    String modelVersion();

    @Override
    void close();
}
