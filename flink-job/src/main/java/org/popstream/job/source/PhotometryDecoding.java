package org.popstream.job.source;

import java.util.Arrays;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.encoding.AvroCodec;
import org.popstream.schemas.encoding.NotAvroException;
import org.popstream.schemas.encoding.UnknownSchemaException;

/**
 * Decodes Avro single-object encoded {@link PhotometryEvent}s without ever throwing: a failure
 * becomes an {@link IncomingPhotometry} carrying the reason. Records above the configured size
 * are refused before decoding so one huge record cannot exhaust a task's memory.
 */
public final class PhotometryDecoding {

    private final int maxRecordBytes;
    private final AvroCodec<PhotometryEvent> codec = AvroCodec.of(PhotometryEvent.class);

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
            byte[] prefix = Arrays.copyOf(value, maxRecordBytes);
            return IncomingPhotometry.undecodable(topic, partition, offset, prefix, RejectReason.RECORD_TOO_LARGE,
                    value.length + " bytes exceed max.record.bytes=" + maxRecordBytes + " (original bytes truncated)");
        }
        try {
            return IncomingPhotometry.decoded(topic, partition, offset, value, codec.decode(value));
        } catch (UnknownSchemaException e) {
            return IncomingPhotometry.undecodable(topic, partition, offset, value, RejectReason.UNKNOWN_SCHEMA,
                    e.getMessage());
        } catch (NotAvroException e) {
            return IncomingPhotometry.undecodable(topic, partition, offset, value, RejectReason.NOT_AVRO, e.getMessage());
        } catch (RuntimeException e) {
            // the contract is "never throws": anything unforeseen is still a dead letter, not a crash loop
            return IncomingPhotometry.undecodable(topic, partition, offset, value, RejectReason.NOT_AVRO, e.toString());
        }
    }
}
