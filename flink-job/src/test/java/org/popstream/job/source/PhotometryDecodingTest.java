package org.popstream.job.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.popstream.job.testing.PhotometryEvents;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;
import org.popstream.schemas.encoding.AvroCodec;

class PhotometryDecodingTest {

    private final PhotometryDecoding decoding = new PhotometryDecoding(4096);

    @Test
    void singleObjectEncodedEventIsDecodedWithItsSourcePosition() {
        PhotometryEvent event = PhotometryEvents.valid("g1").build();
        byte[] bytes = PhotometryEvents.encode(event);

        IncomingPhotometry in = decoding.decode("t", 3, 42, bytes);

        assertTrue(in.isDecoded());
        assertEquals(event, in.event());
        assertEquals(3, in.partition());
        assertEquals(42, in.offset());
        assertArrayEquals(bytes, in.originalBytes());
    }

    @Test
    void bytesThatAreNotAvro() {
        byte[] bytes = "{\"galaxyId\": \"g1\"}".getBytes(StandardCharsets.UTF_8);

        IncomingPhotometry in = decoding.decode("t", 0, 7, bytes);

        assertFalse(in.isDecoded());
        assertEquals(RejectReason.NOT_AVRO, in.decodeFailure());
        assertArrayEquals(bytes, in.originalBytes());
    }

    @Test
    void emptyValue() {
        assertEquals(RejectReason.NOT_AVRO, decoding.decode("t", 0, 0, null).decodeFailure());
        assertEquals(RejectReason.NOT_AVRO, decoding.decode("t", 0, 0, new byte[0]).decodeFailure());
    }

    @Test
    void truncatedBodyAfterAValidHeader() {
        byte[] bytes = PhotometryEvents.encode(PhotometryEvents.valid("g1").build());

        IncomingPhotometry in = decoding.decode("t", 0, 0, Arrays.copyOf(bytes, 14));

        assertEquals(RejectReason.NOT_AVRO, in.decodeFailure());
    }

    @Test
    void unknownSchemaFingerprint() {
        RejectedEvent other = RejectedEvent.newBuilder().setReason(RejectReason.NOT_AVRO).setMessage("m")
                .setSourceTopic("t").setPartition(0).setOffset(0).setOriginalBytes(ByteBuffer.allocate(0))
                .setRejectedAtMillis(0).build();
        byte[] bytes = AvroCodec.of(RejectedEvent.class).encode(other);

        IncomingPhotometry in = decoding.decode("t", 0, 0, bytes);

        assertEquals(RejectReason.UNKNOWN_SCHEMA, in.decodeFailure());
    }

    @Test
    void recordLargerThanTheMaximumKeepsOnlyABoundedPrefix() {
        byte[] bytes = new byte[5000];

        IncomingPhotometry in = decoding.decode("t", 0, 0, bytes);

        assertEquals(RejectReason.RECORD_TOO_LARGE, in.decodeFailure());
        assertEquals(4096, in.originalBytes().length);
        assertTrue(in.failureMessage().contains("5000"), in.failureMessage());
    }
}
