package org.popstream.kafka.replay;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * @param tiling           how rows are grouped into tiles
 * @param galaxiesPerSecond pacing of the sends; empty = as fast as the broker takes them
 * @param limit            read at most this many data rows (sent + skipped); empty = all
 */
public record ReplaySettings(Tiling tiling, OptionalDouble galaxiesPerSecond, OptionalLong limit) {

    public ReplaySettings {
        if (galaxiesPerSecond.isPresent() && !(galaxiesPerSecond.getAsDouble() > 0)) {
            throw new IllegalArgumentException("rate must be > 0 galaxies/s, got " + galaxiesPerSecond.getAsDouble());
        }
        if (limit.isPresent() && limit.getAsLong() < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit.getAsLong());
        }
    }

    public static ReplaySettings tilesOf(int size) {
        return new ReplaySettings(new Tiling.BySize(size), OptionalDouble.empty(), OptionalLong.empty());
    }
}
