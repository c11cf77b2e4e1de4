package org.popstream.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The popstream topics, in one place: every tool (broker, replay, tail, the Flink job, deploy
 * manifests) takes names, partition counts and retention from here. All are keyed by galaxy id, so
 * a galaxy's events stay in order on one partition.
 *
 * <ul>
 *   <li>photometry: input, replayable for a week (re-runs, backfills);</li>
 *   <li>posteriors: compacted — the latest summary per galaxy is the result of record, so a new
 *       consumer reading from the beginning gets one row per galaxy once the log is cleaned;
 *       the compaction lag keeps an hour of full history for tails that follow live runs;</li>
 *   <li>samples: large, optional, short-lived (three days);</li>
 *   <li>rejected: dead letters, kept a month for someone to look at.</li>
 * </ul>
 */
public enum PopstreamTopic {
    PHOTOMETRY("popstream.photometry.v1", 6, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(7)))),
    POSTERIORS("popstream.posteriors.v1", 6, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, millis(Duration.ofHours(1)))),
    SAMPLES("popstream.samples.v1", 6, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(3)),
            // thinned draws of one galaxy: a few thousand floats, well above the 1 MB default with many walkers
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024))),
    REJECTED("popstream.rejected.v1", 1, Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(30))));

    private final String topicName;
    private final int partitions;
    private final Map<String, String> configs;

    PopstreamTopic(String topicName, int partitions, Map<String, String> configs) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.configs = configs;
    }

    /** The Kafka topic name, e.g. {@code popstream.posteriors.v1}. */
    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    /** Topic-level configuration (cleanup policy, retention, message size). */
    public Map<String, String> configs() {
        return configs;
    }

    /** The short name used on the command line: photometry, posteriors, samples, rejected. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Topic creation request with this definition and the given replication factor. */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(topicName, partitions, replicationFactor).configs(configs);
    }

    /** Looks a topic up by short name ({@code posteriors}) or full name ({@code popstream.posteriors.v1}). */
    public static Optional<PopstreamTopic> find(String name) {
        return Arrays.stream(values())
                .filter(t -> t.shortName().equalsIgnoreCase(name) || t.topicName.equals(name))
                .findFirst();
    }

    /** "photometry, posteriors, samples, rejected" for help and error messages. */
    public static String shortNames() {
        return Arrays.stream(values()).map(PopstreamTopic::shortName).collect(Collectors.joining(", "));
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
