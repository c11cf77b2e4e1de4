package org.popstream.kafka.replay;

import java.time.Duration;
import java.util.List;
import org.popstream.catalogue.RowError;

/**
 * The outcome of a replay: every row was either sent or is listed in {@code skipped}.
 *
 * @param positionName "line" (CSV) or "row" (FITS), how {@link RowError#line()} counts
 */
public record ReplayReport(long sent, int tiles, List<RowError> skipped, String positionName, Duration elapsed) {

    public ReplayReport {
        skipped = List.copyOf(skipped);
    }

    public boolean complete() {
        return skipped.isEmpty();
    }
}
