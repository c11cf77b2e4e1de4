package org.popstream.kafka.broker;

/** The local broker could not start; the message names the cause (port taken, data directory not writable, ...). */
public final class BrokerStartException extends Exception {

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
