package org.popstream.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.popstream.kafka.TopicProvisioner;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker + controller), started in this
 * JVM from the Kafka server jars — the same {@link KafkaRaftServer} that {@code kafka-server-start}
 * runs — listening on 127.0.0.1 only, with the popstream topics created. For local work and the
 * demo; clusters use a real Kafka deployment.
 *
 * <p>The data directory is formatted on first use and reused afterwards, so a broker restarted on
 * the same {@code --data-dir} keeps its topics and records.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final Set<String> createdTopics;
    private boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteDataDirOnClose,
            Set<String> createdTopics) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.createdTopics = createdTopics;
    }

    /** Formats (first time) and starts the broker, waits until it serves clients and creates the popstream topics. */
    public static LocalKafkaBroker start(LocalBrokerSettings settings) throws BrokerStartException {
        int port = settings.port() == 0 ? freePort() : requireFreePort(settings.port(), "--port");
        int controllerPort = freePort();
        boolean temporary = settings.dataDir().isEmpty();
        Path dataDir = temporary ? createTemporaryDataDir() : prepareDataDir(settings.dataDir().get());
        try {
            return startOn(dataDir, temporary, port, controllerPort);
        } catch (BrokerStartException | RuntimeException e) {
            if (temporary) {
                deleteRecursively(dataDir);
            }
            throw e;
        }
    }

    private static LocalKafkaBroker startOn(Path dataDir, boolean temporary, int port, int controllerPort)
            throws BrokerStartException {
        KafkaConfig config = new KafkaConfig(brokerConfig(dataDir, port, controllerPort), false);
        format(dataDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrap = HOST + ":" + port;
        try {
            server.startup();
            awaitReady(bootstrap);
            Set<String> created = new TopicProvisioner(bootstrap, (short) 1, READY_TIMEOUT).createAll();
            return new LocalKafkaBroker(server, bootstrap, dataDir, temporary, created);
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new BrokerStartException("Kafka broker on " + bootstrap + " failed to start: " + rootMessage(e), e);
        }
    }

    /** {@code 127.0.0.1:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Topics this start created (empty when a reused data directory already had them). */
    public Set<String> createdTopics() {
        return createdTopics;
    }

    /** Blocks until the broker has shut down (after {@link #close()} from another thread). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Controlled shutdown; deletes the data directory if it was temporary. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteDataDirOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private static Map<String, String> brokerConfig(Path dataDir, int port, int controllerPort) {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", dataDir.toString());
        props.put("metadata.log.dir", dataDir.toString());
        // One node: internal topics cannot have more replicas than that.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Flink's exactly-once Kafka sink asks for one-hour transactions by default.
        props.put("transaction.max.timeout.ms", Long.toString(TimeUnit.HOURS.toMillis(1)));
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        return props;
    }

    private static void format(Path dataDir) throws BrokerStartException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return; // formatted by an earlier start: keep its cluster id and data
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new BrokerStartException("cannot format Kafka data directory " + dataDir + ": " + rootMessage(e), e);
        }
    }

    private static void awaitReady(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not answer within " + READY_TIMEOUT, e);
        }
    }

    private static Path prepareDataDir(Path dir) throws BrokerStartException {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new BrokerStartException("data directory " + absolute + " cannot be created: " + describe(e), e);
        }
        // Files.isWritable answers from permission bits; a probe file also catches read-only mounts.
        try {
            Files.delete(Files.createTempFile(absolute, ".popstream-write-probe", ""));
        } catch (IOException e) {
            throw new BrokerStartException("data directory " + absolute + " is not writable: " + describe(e), e);
        }
        return absolute;
    }

    private static Path createTemporaryDataDir() throws BrokerStartException {
        try {
            return Files.createTempDirectory("popstream-kafka-");
        } catch (IOException e) {
            throw new BrokerStartException("cannot create a temporary data directory: " + e.getMessage(), e);
        }
    }

    private static int requireFreePort(int port, String option) throws BrokerStartException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return port;
        } catch (BindException e) {
            throw new BrokerStartException("port " + port + " on " + HOST + " is already in use (another Kafka broker?); "
                    + "stop it or choose another port with " + option, e);
        } catch (IOException e) {
            throw new BrokerStartException("cannot bind port " + port + " on " + HOST + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws BrokerStartException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new BrokerStartException("no free port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    /** "permission denied", "Not a directory", ...: Java's file exceptions hide the reason in different places. */
    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return String.valueOf(e.getMessage());
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // already failing; the start error is the one to report
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
