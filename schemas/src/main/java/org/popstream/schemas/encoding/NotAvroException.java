package org.popstream.schemas.encoding;

/**
 * The bytes are not a single-object-encoded Avro value of the expected type: empty or null, too
 * short, wrong magic header, or a body that does not parse with its writer schema (truncated or
 * corrupt).
 */
public final class NotAvroException extends AvroDecodingException {

    public NotAvroException(String message, Throwable cause) {
        super(message, cause);
    }
}
