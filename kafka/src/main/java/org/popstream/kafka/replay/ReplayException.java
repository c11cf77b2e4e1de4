package org.popstream.kafka.replay;

/** Kafka refused or lost records during a replay (unreachable broker, missing topic, authorisation, ...). */
public final class ReplayException extends Exception {

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
