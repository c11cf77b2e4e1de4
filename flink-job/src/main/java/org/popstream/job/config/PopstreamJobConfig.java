package org.popstream.job.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;

/**
 * Everything the streaming job needs, validated once at start-up by {@link JobConfigParser}.
 * Serializable because Flink ships it to every operator.
 *
 * @param batchBuckets      number of micro-batcher keys; galaxies are spread over them by id hash
 * @param asyncCapacity     in-flight batches per inference subtask (back-pressure beyond it)
 * @param inferenceTimeout  a batch not fitted within it is rejected with INFERENCE_FAILED
 * @param fit               sampler, initialisation, seed and threads of every fit, the same record
 *                          {@code popstream fit} uses; its batch size is {@code batch.size}
 * @param zmax              upper bound of the uniform redshift prior
 * @param modelsDir         absolute path of the pop-cosmos model directory
 * @param maxRecordBytes    larger input records are rejected with RECORD_TOO_LARGE
 * @param minUsableBands    galaxies with fewer usable bands are rejected with TOO_FEW_BANDS
 * @param kafkaProperties   passed unchanged to every Kafka client (security, SASL, TLS, ...)
 */
public record PopstreamJobConfig(
        String bootstrapServers,
        TopicNames topics,
        String groupId,
        Duration maxBatchDelay,
        int batchBuckets,
        int asyncCapacity,
        Duration inferenceTimeout,
        FitSettings fit,
        double zmax,
        String modelsDir,
        Duration checkpointInterval,
        int parallelism,
        int maxRecordBytes,
        int minUsableBands,
        Map<String, String> kafkaProperties)
        implements Serializable {

    public PopstreamJobConfig {
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** Galaxies per micro-batch: the fixed batch shape every fit runs at. */
    public int batchSize() {
        return fit.batchSize();
    }

    /** The prior these settings define. */
    public AnalyticPrior prior() {
        return new AnalyticPrior(AnalyticPriorSettings.DEFAULT.withZMax(zmax));
    }

    /** Client properties for a Kafka source, sink or tool: pass-through ones plus the bootstrap servers. */
    public Properties kafkaClientProperties() {
        Properties properties = new Properties();
        properties.putAll(kafkaProperties);
        properties.setProperty("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** Never prints secrets: pass-through keys naming a password, secret or JAAS config are masked. */
    @Override
    public String toString() {
        return "PopstreamJobConfig[bootstrapServers=" + bootstrapServers
                + ", topics=" + topics
                + ", groupId=" + groupId
                + ", maxBatchDelay=" + maxBatchDelay
                + ", batchBuckets=" + batchBuckets
                + ", asyncCapacity=" + asyncCapacity
                + ", inferenceTimeout=" + inferenceTimeout
                + ", fit=" + fit
                + ", zmax=" + zmax
                + ", modelsDir=" + modelsDir
                + ", checkpointInterval=" + checkpointInterval
                + ", parallelism=" + parallelism
                + ", maxRecordBytes=" + maxRecordBytes
                + ", minUsableBands=" + minUsableBands
                + ", kafkaProperties=" + SecretMasking.masked(kafkaProperties) + "]";
    }
}
