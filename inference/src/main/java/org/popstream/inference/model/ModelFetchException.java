package org.popstream.inference.model;

/** The model files could not be fetched; the message names the file or server and the reason. */
public final class ModelFetchException extends RuntimeException {

    public ModelFetchException(String message) {
        super(message);
    }

    public ModelFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
