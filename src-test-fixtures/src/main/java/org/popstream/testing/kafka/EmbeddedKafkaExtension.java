package org.popstream.testing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Kafka 4 broker (combined KRaft broker + controller, Kafka's own
 * {@link KafkaClusterTestKit}) on loopback with ephemeral ports, started once per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();
 * ... KAFKA.bootstrapServers() ... KAFKA.createTopics(new NewTopic("t", 3, (short) 1));
 * }</pre>
 *
 * The broker is configured for exactly-once clients on one node (transaction log replication 1,
 * transaction timeouts up to one hour as Flink's Kafka sink uses by default, no rebalance delay).
 * Register it as a {@code static} field: it starts in {@code beforeAll} and is closed, data
 * directory included, in {@code afterAll}.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private KafkaClusterTestKit cluster;

    public EmbeddedKafkaExtension() {
        brokerProperties.put("offsets.topic.replication.factor", "1");
        brokerProperties.put("offsets.topic.num.partitions", "1");
        brokerProperties.put("transaction.state.log.replication.factor", "1");
        brokerProperties.put("transaction.state.log.min.isr", "1");
        brokerProperties.put("transaction.state.log.num.partitions", "1");
        brokerProperties.put("transaction.max.timeout.ms", String.valueOf((int) TimeUnit.HOURS.toMillis(1)));
        brokerProperties.put("group.initial.rebalance.delay.ms", "0");
        brokerProperties.put("auto.create.topics.enable", "false");
    }

    /** Overrides or adds one broker configuration property; call before the extension starts. */
    public EmbeddedKafkaExtension withBrokerProperty(String key, Object value) {
        if (cluster != null) {
            throw new IllegalStateException("the broker is already running; set " + key + " before it starts");
        }
        brokerProperties.put(key, String.valueOf(value));
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts the broker (done by {@code beforeAll}; public for use outside JUnit). */
    public void start() throws Exception {
        if (cluster != null) {
            return;
        }
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        brokerProperties.forEach(builder::setConfigProp);
        KafkaClusterTestKit started = builder.build();
        try {
            started.format();
            started.startup();
            started.waitForReadyBrokers();
        } catch (Exception e) {
            started.close();
            throw e;
        }
        cluster = started;
    }

    /** Stops the broker and deletes its data (done by {@code afterAll}). */
    public void stop() throws Exception {
        if (cluster != null) {
            try {
                cluster.close();
            } finally {
                cluster = null;
            }
        }
    }

    /** {@code host:port} list for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return running().bootstrapServers();
    }

    /** Properties with {@code bootstrap.servers} set, to extend for producers, consumers and admins. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        return Admin.create(clientProperties());
    }

    /** Creates topics and waits until they exist; topics that already exist are left as they are. */
    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            List<Exception> failures = new ArrayList<>();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failures.add(new IllegalStateException("cannot create topic " + name, e.getCause()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(e);
                } catch (TimeoutException e) {
                    failures.add(new IllegalStateException("topic " + name + " not created within " + ADMIN_TIMEOUT, e));
                }
            });
            if (!failures.isEmpty()) {
                IllegalStateException first = new IllegalStateException(failures.get(0).getMessage(), failures.get(0));
                failures.stream().skip(1).forEach(first::addSuppressed);
                throw first;
            }
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList(), ADMIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for partition leaders", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the new topics", e.getCause());
        }
    }

    /**
     * Waits until every partition of {@code names} has a leader the broker itself knows about. A
     * topic is "created" before its partitions are led; an idempotent producer that writes in that
     * gap can be answered NOT_LEADER for batches the broker did append, and then loops on
     * OUT_OF_ORDER_SEQUENCE until its delivery timeout.
     */
    static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout)
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

    public void createTopics(NewTopic... topics) {
        createTopics(Arrays.asList(topics));
    }

    /** Creates single-replica topics with {@code partitions} partitions each. */
    public void createTopics(int partitions, String... names) {
        createTopics(Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList());
    }

    private KafkaClusterTestKit running() {
        if (cluster == null) {
            throw new IllegalStateException(
                    "embedded Kafka is not running: register EmbeddedKafkaExtension as a static @RegisterExtension field");
        }
        return cluster;
    }
}
