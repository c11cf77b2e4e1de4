package org.popstream.job.source;

import java.nio.ByteBuffer;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;

/**
 * Decodes Avro single-object encoded {@link PhotometryEvent}s without ever throwing: a failure
 * becomes an {@link IncomingPhotometry} carrying the reason. Records above the configured size
 * are refused before decoding so one huge record cannot exhaust a task's memory.
 */
public final class PhotometryDecoding {

    private final int maxRecordBytes;
    private final BinaryMessageDecoder<PhotometryEvent> decoder = PhotometryEvent.getDecoder();

    public PhotometryDecoding(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    public IncomingPhotometry decode(String topic, int partition, long offset, byte[] value) {
        if (value == null || value.length == 0) {
            return IncomingPhotometry.undecodable(topic, partition, offset, new byte[0], RejectReason.NOT_AVRO,
                    "empty record value");
        }
        if (value.length > maxRecordBytes) {
            // keep a bounded prefix: the dead letter must itself fit into a Kafka record
            byte[] prefix = java.util.Arrays.copyOf(value, maxRecordBytes);
            return IncomingPhotometry.undecodable(topic, partition, offset, prefix, RejectReason.RECORD_TOO_LARGE,
                    value.length + " bytes exceed max.record.bytes=" + maxRecordBytes + " (original bytes truncated)");
        }
        try {
            PhotometryEvent event = decoder.decode(ByteBuffer.wrap(value));
            return IncomingPhotometry.decoded(topic, partition, offset, value, event);
        } catch (MissingSchemaException e) {
            return IncomingPhotometry.undecodable(topic, partition, offset, value, RejectReason.UNKNOWN_SCHEMA,
                    "unknown schema fingerprint: " + e.getMessage());
        } catch (BadHeaderException e) {
            return IncomingPhotometry.undecodable(topic, partition, offset, value, RejectReason.NOT_AVRO,
                    "not Avro single-object encoding: " + e.getMessage());
        } catch (Exception e) {
            // truncated or corrupt body after a valid header
            return IncomingPhotometry.undecodable(topic, partition, offset, value, RejectReason.NOT_AVRO,
                    "corrupt Avro body: " + e);
        }
    }
}
