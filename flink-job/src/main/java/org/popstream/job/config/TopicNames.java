package org.popstream.job.config;

import java.io.Serializable;
import java.util.Optional;

/**
 * Kafka topics the job reads and writes.
 *
 * @param samples topic for thinned posterior draws, or {@code null} when draws are not published
 */
public record TopicNames(String photometry, String posteriors, String rejected, String samples)
        implements Serializable {

    public static final String DEFAULT_PHOTOMETRY = "popstream.photometry.v1";
    public static final String DEFAULT_POSTERIORS = "popstream.posteriors.v1";
    public static final String DEFAULT_REJECTED = "popstream.rejected.v1";
    public static final String DEFAULT_SAMPLES = "popstream.samples.v1";

    public Optional<String> samplesTopic() {
        return Optional.ofNullable(samples);
    }
}
