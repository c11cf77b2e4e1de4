package org.popstream.kafka.tail;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * @param fromBeginning read the topic from its start; otherwise only records that arrive from now on
 * @param max           stop after this many records; empty = no limit
 * @param idleTimeout   stop when no record arrived for this long; empty = until stopped
 */
public record TailSettings(boolean fromBeginning, OptionalLong max, Optional<Duration> idleTimeout) {

    public TailSettings {
        if (max.isPresent() && max.getAsLong() < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max.getAsLong());
        }
        if (idleTimeout.isPresent() && (idleTimeout.get().isNegative() || idleTimeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be > 0, got " + idleTimeout.get());
        }
    }
}
