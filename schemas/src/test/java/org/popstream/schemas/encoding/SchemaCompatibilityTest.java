package org.popstream.schemas.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every contract schema against a version 2 that adds one optional field
 * ({@code src/test/resources/compat/<Record>.v2.avsc}): both directions must decode through
 * single-object encoding, and a reader that does not know v2 must say "unknown schema".
 */
class SchemaCompatibilityTest {

    /** (current record, the name of the field v2 adds, a value for it). */
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(SampleRecords.photometryEvent(), "extinctionEbv", 0.017),
                Arguments.of(SampleRecords.posteriorSummary(), "zMode", 3.04),
                Arguments.of(SampleRecords.posteriorSamples(), "thinning", 10),
                Arguments.of(SampleRecords.rejectedEvent(), "operator", "PhotometryValidator"));
    }

    @ParameterizedTest
    @MethodSource("records")
    <T extends SpecificRecord> void schemasAreMutuallyCompatible(T record, String addedField, Object ignored) throws IOException {
        Schema current = record.getSchema();
        Schema v2 = version2(current.getName());
        assertEquals(SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(v2, current).getType(), "v2 reads v1 (backward)");
        assertEquals(SchemaCompatibilityType.COMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(current, v2).getType(), "v1 reads v2 (forward)");
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void oldWriterNewReader(T record, String addedField, Object ignored) throws IOException {
        Schema v2 = version2(record.getSchema().getName());
        AvroCodec<T> oldCodec = AvroCodec.of((Class<T>) record.getClass());
        AvroCodec<GenericRecord> newReader = AvroCodec.generic(v2, record.getSchema());

        GenericRecord decoded = newReader.decode(oldCodec.encode(record));

        assertNull(decoded.get(addedField), "the field v1 lacks takes its default");
        // Re-encoding as v2 and reading back as v1 must reproduce the original exactly: nothing was lost.
        AvroCodec<T> oldReaderKnowingV2 = AvroCodec.of((Class<T>) record.getClass(), v2);
        assertEquals(record, oldReaderKnowingV2.decode(newReader.encode(decoded)));
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void newWriterOldReader(T record, String addedField, Object value) throws IOException {
        Schema v2 = version2(record.getSchema().getName());
        AvroCodec<GenericRecord> newCodec = AvroCodec.generic(v2, record.getSchema());
        GenericRecord newer = newCodec.decode(AvroCodec.of((Class<T>) record.getClass()).encode(record));
        newer.put(addedField, value);
        byte[] v2Bytes = newCodec.encode(newer);

        T decoded = AvroCodec.of((Class<T>) record.getClass(), v2).decode(v2Bytes);

        assertEquals(record, decoded, "the v1 reader ignores the added field and keeps every other value");
        // Generic records hold strings as Utf8, hence the comparison of text forms.
        assertEquals(String.valueOf(value), String.valueOf(newCodec.decode(v2Bytes).get(addedField)),
                "v2 readers see the added field");
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void readerThatDoesNotKnowV2ReportsUnknownSchema(T record, String addedField, Object value)
            throws IOException {
        Schema v2 = version2(record.getSchema().getName());
        AvroCodec<GenericRecord> newCodec = AvroCodec.generic(v2, record.getSchema());
        GenericRecord newer = newCodec.decode(AvroCodec.of((Class<T>) record.getClass()).encode(record));
        newer.put(addedField, value);

        UnknownSchemaException e = assertThrows(UnknownSchemaException.class,
                () -> AvroCodec.of((Class<T>) record.getClass()).decode(newCodec.encode(newer)));

        assertEquals(AvroCodec.fingerprint(v2), e.fingerprint());
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void roundTripsWithTheCurrentSchema(T record, String addedField, Object value) {
        AvroCodec<T> codec = AvroCodec.of((Class<T>) record.getClass());
        byte[] bytes = codec.encode(record);
        assertEquals(codec.fingerprint(), AvroCodec.headerFingerprint(bytes));
        assertEquals(record, codec.decode(bytes));
    }

    static Schema version2(String recordName) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/compat/" + recordName + ".v2.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }

    @org.junit.jupiter.api.Test
    void historyListsOlderVersionsInOrder() {
        List<Schema> versions = SchemaHistory.olderVersions("HistoryProbe");
        assertEquals(2, versions.size());
        assertEquals(1, versions.get(0).getFields().size());
        assertEquals(2, versions.get(1).getFields().size());
        assertEquals(List.of(), SchemaHistory.olderVersions("NoSuchRecord"));
    }
}
