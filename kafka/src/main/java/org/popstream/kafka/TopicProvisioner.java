package org.popstream.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
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
import org.apache.kafka.common.errors.RetriableException;
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
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
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
            awaitLeaders(admin, topics.stream().map(PopstreamTopic::topicName).toList(), timeout);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for partition leaders on " + bootstrapServers, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe popstream topics on " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Waits until every partition of {@code names} has a leader the broker itself knows about. A
     * topic is "created" before its partitions are led; an idempotent producer that writes in that
     * gap can be answered NOT_LEADER for batches the broker did append, and then loops on
     * OUT_OF_ORDER_SEQUENCE until its delivery timeout.
     */
    private static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (allLed(admin, names)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + names + " have no leader after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Whether every partition has a leader. The broker that answers may not have applied the
     * controller's record for a topic it just created yet, and says "unknown topic": that and any
     * other retriable answer means "not yet", not failure.
     */
    private static boolean allLed(Admin admin, Collection<String> names) throws InterruptedException, ExecutionException {
        try {
            return admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw e;
        }
    }
}
