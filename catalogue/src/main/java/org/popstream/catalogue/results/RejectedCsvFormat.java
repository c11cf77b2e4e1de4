package org.popstream.catalogue.results;

import java.util.List;
import org.popstream.schemas.RejectedEvent;

/** Dead letters: why each input record was not fitted, and where it came from. */
public final class RejectedCsvFormat implements ResultRows<RejectedEvent> {

    private static final List<String> HEADER = List.of(
            "id", "reason", "message", "source_topic", "partition", "offset", "rejected_at_millis", "original_bytes");

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<List<String>> rows(RejectedEvent value) {
        return List.of(List.of(
                value.getGalaxyId() == null ? "" : value.getGalaxyId(),
                value.getReason().name(),
                value.getMessage(),
                value.getSourceTopic(),
                Integer.toString(value.getPartition()),
                Long.toString(value.getOffset()),
                Long.toString(value.getRejectedAtMillis()),
                Integer.toString(value.getOriginalBytes().remaining())));
    }

    @Override
    public List<String> compactColumns() {
        return List.of("id", "reason", "message", "partition", "offset");
    }
}
