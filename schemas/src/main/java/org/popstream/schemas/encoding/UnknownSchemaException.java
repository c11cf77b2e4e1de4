package org.popstream.schemas.encoding;

/**
 * The bytes carry a valid single-object header, but its schema fingerprint is none of the writer
 * schemas this codec knows (a newer producer, or another record type on the same topic).
 */
public final class UnknownSchemaException extends AvroDecodingException {

    private final long fingerprint;

    public UnknownSchemaException(long fingerprint, String readerSchemaName, Throwable cause) {
        super(String.format("unknown writer schema fingerprint %016x for %s (not in this reader's schema store)",
                fingerprint, readerSchemaName), cause);
        this.fingerprint = fingerprint;
    }

    /** The CRC-64-AVRO fingerprint found in the header. */
    public long fingerprint() {
        return fingerprint;
    }
}
