package org.popstream.schemas.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectedEvent;

/** Bad bytes must land in the right dead-letter bucket: NOT_AVRO versus UNKNOWN_SCHEMA. */
class AvroCodecErrorsTest {

    private final AvroCodec<PhotometryEvent> codec = AvroCodec.of(PhotometryEvent.class);

    @Test
    void plainTextIsNotAvro() {
        byte[] json = "{\"galaxyId\": \"1\"}".getBytes(StandardCharsets.UTF_8);
        NotAvroException e = assertThrows(NotAvroException.class, () -> codec.decode(json));
        assertTrue(e.getMessage().contains("expected c3 01"), e.getMessage());
    }

    @Test
    void nullEmptyAndShortValuesAreNotAvro() {
        assertThrows(NotAvroException.class, () -> codec.decode(null));
        assertThrows(NotAvroException.class, () -> codec.decode(new byte[0]));
        byte[] header = Arrays.copyOf(codec.encode(SampleRecords.photometryEvent()), 9);
        assertThrows(NotAvroException.class, () -> codec.decode(header));
    }

    @Test
    void truncatedBodyIsNotAvro() {
        byte[] full = codec.encode(SampleRecords.photometryEvent());
        byte[] truncated = Arrays.copyOf(full, full.length - 7);
        assertThrows(NotAvroException.class, () -> codec.decode(truncated));
    }

    @Test
    void anotherRecordTypeIsAnUnknownSchema() {
        byte[] rejected = AvroCodec.of(RejectedEvent.class).encode(SampleRecords.rejectedEvent());
        UnknownSchemaException e = assertThrows(UnknownSchemaException.class, () -> codec.decode(rejected));
        assertEquals(AvroCodec.of(RejectedEvent.class).fingerprint(), e.fingerprint());
    }
}
