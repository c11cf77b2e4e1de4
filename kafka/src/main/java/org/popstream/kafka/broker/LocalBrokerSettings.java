package org.popstream.kafka.broker;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of a {@link LocalKafkaBroker}.
 *
 * @param port    client port on 127.0.0.1; 0 picks a free one
 * @param dataDir where logs and metadata live; empty means a temporary directory deleted at shutdown
 */
public record LocalBrokerSettings(int port, Optional<Path> dataDir) {

    public static final int DEFAULT_PORT = 9092;

    public LocalBrokerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    public static LocalBrokerSettings ephemeral() {
        return new LocalBrokerSettings(0, Optional.empty());
    }
}
