package org.popstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.kafka.broker.BrokerStartException;
import org.popstream.kafka.broker.LocalBrokerSettings;
import org.popstream.kafka.broker.LocalKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code popstream broker}: a local single-node Kafka broker with the popstream topics, until Ctrl-C. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a local Kafka broker with the popstream topics until Ctrl-C.",
            "A real broker (KRaft, combined broker + controller) in this process on 127.0.0.1. For local work;",
            "use a real cluster in production."
        })
public final class BrokerCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + LocalBrokerSettings.DEFAULT_PORT,
            description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Data directory, kept across restarts (default: a temporary directory deleted on exit).")
    Path dataDir;

    @Override
    public Integer call() {
        LocalKafkaBroker broker;
        try {
            broker = LocalKafkaBroker.start(new LocalBrokerSettings(port, Optional.ofNullable(dataDir)));
        } catch (BrokerStartException e) {
            err().println("popstream broker: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err().println("popstream broker: shutting down ...");
            broker.close();
            err().println("popstream broker: stopped");
        }, "popstream-broker-shutdown"));

        out().println("Kafka broker ready: --bootstrap " + broker.bootstrapServers());
        out().println("  data dir: " + broker.dataDir() + (dataDir == null ? " (temporary, deleted on exit)" : ""));
        for (PopstreamTopic topic : PopstreamTopic.values()) {
            out().printf("  topic %-26s %d partitions %s%n", topic.topicName(), topic.partitions(),
                    broker.createdTopics().contains(topic.topicName()) ? "(created)" : "(existing)");
        }
        out().println("Press Ctrl-C to stop.");
        broker.awaitShutdown();
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
