package org.popstream.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.kafka.PopstreamTopic;

// every wait bounded: starts real brokers: bounded, never hangs the build
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalKafkaBrokerTest {

    @TempDir Path temp;

    @Test
    void startsWithThePopstreamTopicsAndKeepsThemAcrossARestartOnTheSameDataDir() throws Exception {
        Path dataDir = temp.resolve("kafka-data");
        Set<String> expected = Arrays.stream(PopstreamTopic.values()).map(PopstreamTopic::topicName).collect(Collectors.toSet());

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(new LocalBrokerSettings(0, Optional.of(dataDir)))) {
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"), broker.bootstrapServers());
            assertEquals(expected, broker.createdTopics());
            try (Admin admin = admin(broker)) {
                Map<String, TopicDescription> topics = admin.describeTopics(expected).allTopicNames().get(30, TimeUnit.SECONDS);
                for (PopstreamTopic topic : PopstreamTopic.values()) {
                    assertEquals(topic.partitions(), topics.get(topic.topicName()).partitions().size(), topic.topicName());
                }
                ConfigResource posteriors = new ConfigResource(ConfigResource.Type.TOPIC, PopstreamTopic.POSTERIORS.topicName());
                Config config = admin.describeConfigs(Set.of(posteriors)).all().get(30, TimeUnit.SECONDS).get(posteriors);
                assertEquals("compact", config.get("cleanup.policy").value());
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>(PopstreamTopic.REJECTED.topicName(), "g1", "kept")).get(30, TimeUnit.SECONDS);
            }
        }

        try (LocalKafkaBroker again = LocalKafkaBroker.start(new LocalBrokerSettings(0, Optional.of(dataDir)))) {
            assertEquals(Set.of(), again.createdTopics(), "topics survive the restart");
            try (Admin admin = admin(again)) {
                var partition = new org.apache.kafka.common.TopicPartition(PopstreamTopic.REJECTED.topicName(), 0);
                long end = admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                        .partitionResult(partition).get(30, TimeUnit.SECONDS).offset();
                assertEquals(1L, end, "the record written before the restart is still there");
            }
        }
        assertTrue(Files.isDirectory(dataDir), "a given data dir is kept");
    }

    @Test
    void aTakenPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            BrokerStartException e = assertThrows(BrokerStartException.class,
                    () -> LocalKafkaBroker.start(new LocalBrokerSettings(port, Optional.empty())));
            assertTrue(e.getMessage().contains("port " + port) && e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void anUnusableDataDirIsNamedInTheError() throws Exception {
        // A regular file where a directory is expected fails for every user, root included.
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        Path dataDir = file.resolve("kafka");
        BrokerStartException e = assertThrows(BrokerStartException.class,
                () -> LocalKafkaBroker.start(new LocalBrokerSettings(0, Optional.of(dataDir))));
        assertTrue(e.getMessage().contains(dataDir.toString()), e.getMessage());
        assertFalse(Files.exists(dataDir));
    }

    private static Admin admin(LocalKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
