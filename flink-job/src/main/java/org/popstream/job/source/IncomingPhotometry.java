package org.popstream.job.source;

import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;

/**
 * One record read from the photometry topic: either a decoded {@code event}, or the reason it
 * could not be decoded. Either way the original bytes and source position travel along, so a
 * rejection can always be traced back and replayed.
 *
 * @param event          the decoded event, {@code null} when decoding failed
 * @param decodeFailure  why decoding failed, {@code null} when {@code event} is set
 */
public record IncomingPhotometry(
        String topic,
        int partition,
        long offset,
        byte[] originalBytes,
        PhotometryEvent event,
        RejectReason decodeFailure,
        String failureMessage) {

    public static IncomingPhotometry decoded(String topic, int partition, long offset, byte[] bytes, PhotometryEvent event) {
        return new IncomingPhotometry(topic, partition, offset, bytes, event, null, null);
    }

    public static IncomingPhotometry undecodable(
            String topic, int partition, long offset, byte[] bytes, RejectReason reason, String message) {
        return new IncomingPhotometry(topic, partition, offset, bytes, null, reason, message);
    }

    public boolean isDecoded() {
        return event != null;
    }
}
