package org.popstream.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the popstream topics on a cluster, leaving topics that already exist untouched. */
public final class TopicProvisioner {

    private final String bootstrapServers;
    private final short replicationFactor;
    private final Duration timeout;

    public TopicProvisioner(String bootstrapServers, short replicationFactor, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /** Creates every {@link PopstreamTopic}; returns the names that were newly created. */
    public Set<String> createAll() {
        return create(Arrays.asList(PopstreamTopic.values()));
    }

    public Set<String> create(List<PopstreamTopic> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            CreateTopicsResult result = admin.createTopics(topics.stream().map(t -> t.newTopic(replicationFactor)).toList());
            Set<String> created = new java.util.TreeSet<>();
            for (Map.Entry<String, KafkaFuture<Void>> entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("no answer from " + bootstrapServers + " within " + timeout
                            + " while creating topic " + entry.getKey(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + entry.getKey(), e);
                }
            }
            return created;
        }
    }
}
