package org.popstream.schemas.encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type with Avro single-object encoding: a 2-byte marker
 * ({@code C3 01}), the 8-byte CRC-64-AVRO fingerprint of the writer schema, then the binary body.
 * The decoder resolves every writer schema in its {@link SchemaStore} (the current schema plus
 * {@link SchemaHistory} versions plus any given explicitly) to the reader schema, so consumers
 * need no registry.
 *
 * <p>Thread-safe (Avro's message encoder and decoder keep per-thread buffers). Not serialisable:
 * in Flink, create it in {@code open()}.
 */
public final class AvroCodec<T> {

    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final Schema readerSchema;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Set<Long> knownFingerprints;

    private AvroCodec(GenericData model, Schema readerSchema, Collection<Schema> otherWriterSchemas) {
        this.readerSchema = readerSchema;
        SchemaStore.Cache store = new SchemaStore.Cache();
        List<Schema> writers = new ArrayList<>();
        writers.add(readerSchema);
        writers.addAll(otherWriterSchemas);
        writers.forEach(store::addSchema);
        this.knownFingerprints = writers.stream().map(AvroCodec::fingerprint).collect(Collectors.toUnmodifiableSet());
        this.encoder = new BinaryMessageEncoder<>(model, readerSchema);
        this.decoder = new BinaryMessageDecoder<>(model, readerSchema, store);
    }

    /**
     * Codec for a generated record class: encodes with its current schema, decodes the current
     * schema, its {@link SchemaHistory} versions and {@code extraWriterSchemas}.
     */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> recordClass, Schema... extraWriterSchemas) {
        SpecificData model = SpecificData.getForClass(recordClass);
        Schema schema = model.getSchema(recordClass);
        List<Schema> writers = new ArrayList<>(SchemaHistory.olderVersions(schema.getName()));
        writers.addAll(List.of(extraWriterSchemas));
        return new AvroCodec<>(model, schema, writers);
    }

    /** Codec for generic records of {@code readerSchema} (tools and tests that have no generated class). */
    public static AvroCodec<GenericRecord> generic(Schema readerSchema, Schema... otherWriterSchemas) {
        return new AvroCodec<>(GenericData.get(), readerSchema, List.of(otherWriterSchemas));
    }

    /** Single-object encoding of {@code value} with the reader (= current) schema. */
    public byte[] encode(T value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a value written with any known writer schema, resolved to the reader schema.
     *
     * @throws NotAvroException       null/empty/short bytes, a wrong header or a corrupt body
     * @throws UnknownSchemaException a valid header whose fingerprint is not in the store
     */
    public T decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH) {
            throw new NotAvroException("not a single-object Avro value: "
                    + (bytes == null ? "no bytes (null value)" : bytes.length + " bytes, shorter than the 10-byte header"), null);
        }
        if (bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new NotAvroException(String.format(
                    "not a single-object Avro value: header starts %02x %02x, expected c3 01", bytes[0], bytes[1]), null);
        }
        long fingerprint = headerFingerprint(bytes);
        if (!knownFingerprints.contains(fingerprint)) {
            throw new UnknownSchemaException(fingerprint, readerSchema.getFullName(), null);
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new UnknownSchemaException(fingerprint, readerSchema.getFullName(), e);
        } catch (BadHeaderException e) {
            throw new NotAvroException("not a single-object Avro value: " + e.getMessage(), e);
        } catch (RuntimeException | IOException e) {
            // Avro reports truncated or garbage bodies with a zoo of exception types.
            throw new NotAvroException("corrupt " + readerSchema.getName() + " body: " + e, e);
        }
    }

    public Schema schema() {
        return readerSchema;
    }

    /** CRC-64-AVRO fingerprint of the current schema, as written in every encoded header. */
    public long fingerprint() {
        return fingerprint(readerSchema);
    }

    /** Fingerprints of every writer schema this codec decodes. */
    public Set<Long> knownFingerprints() {
        return knownFingerprints;
    }

    static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** Little-endian fingerprint in bytes 2..9 of a single-object header. */
    static long headerFingerprint(byte[] bytes) {
        long value = 0;
        for (int i = 9; i >= 2; i--) {
            value = (value << 8) | (bytes[i] & 0xFFL);
        }
        return value;
    }
}
