package org.popstream.schemas.encoding;

/**
 * A value that could not be decoded. The two subtypes are the two dead-letter reasons a consumer
 * must tell apart: bytes that are not a single-object-encoded Avro value at all
 * ({@link NotAvroException}) and a well-formed value written with a schema this reader does not
 * know ({@link UnknownSchemaException}) — the latter usually means "upgrade the consumer".
 */
public abstract sealed class AvroDecodingException extends RuntimeException
        permits NotAvroException, UnknownSchemaException {

    AvroDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
