package org.popstream.job.validation;

import java.nio.ByteBuffer;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;

/** Builds dead letters: the original bytes and source position always travel with the reason. */
public final class Rejections {

    private Rejections() {}

    public static RejectedEvent of(String galaxyId, RejectReason reason, String message, String topic, int partition,
            long offset, byte[] originalBytes, long nowMillis) {
        return RejectedEvent.newBuilder()
                .setGalaxyId(galaxyId == null || galaxyId.isBlank() ? null : galaxyId)
                .setReason(reason)
                .setMessage(message)
                .setSourceTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setOriginalBytes(ByteBuffer.wrap(originalBytes))
                .setRejectedAtMillis(nowMillis)
                .build();
    }
}
