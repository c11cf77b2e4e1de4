package org.popstream.kafka.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.catalogue.results.PosteriorCsvFormat;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.encoding.AvroCodec;
import org.popstream.testing.CsvTable;
import org.popstream.testing.Summaries;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;

/**
 * What the Flink job's exactly-once sink does — transactions, some aborted — and what a tail must
 * show: only committed summaries, garbage counted, values unchanged down to the CSV cells.
 */
// every wait bounded: a real broker: a lost record fails, never hangs the build
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ResultTailerTest {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir Path temp;

    @Test
    void readsOnlyCommittedSummariesAndWritesThemToCsvUnchanged() throws Exception {
        KAFKA.createTopics(PopstreamTopic.POSTERIORS.newTopic((short) 1));
        String topic = PopstreamTopic.POSTERIORS.topicName();
        AvroCodec<PosteriorSummary> codec = AvroCodec.of(PosteriorSummary.class);
        List<PosteriorSummary> committed = List.of(Summaries.summary("g1", 3.1), Summaries.summary("g2", 4.2),
                Summaries.summary("g3", 2.7));

        Properties props = KAFKA.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tail-test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "g1", codec.encode(committed.get(0))));
            producer.send(new ProducerRecord<>(topic, "garbage", "not avro".getBytes()));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "aborted", codec.encode(Summaries.summary("aborted", 1.0))));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "g2", codec.encode(committed.get(1))));
            producer.send(new ProducerRecord<>(topic, "g3", codec.encode(committed.get(2))));
            producer.commitTransaction();
        }

        List<PosteriorSummary> seen = new ArrayList<>();
        List<String> undecodable = new ArrayList<>();
        TailReport report;
        try (ResultTailer<PosteriorSummary> tailer = new ResultTailer<>(KAFKA.bootstrapServers(), topic, codec)) {
            report = tailer.run(new TailSettings(true, OptionalLong.empty(), Optional.of(Duration.ofSeconds(3))),
                    new TailListener<>() {
                        @Override
                        public void record(String key, PosteriorSummary value, int partition, long offset) {
                            seen.add(value);
                        }

                        @Override
                        public void undecodable(String key, int partition, long offset, String reason) {
                            undecodable.add(key + ": " + reason);
                        }
                    });
        }

        assertEquals(TailReport.StopReason.IDLE_TIMEOUT, report.stoppedBy());
        assertEquals(new TailReport(3, 1, TailReport.StopReason.IDLE_TIMEOUT), report);
        // Partitions interleave freely: compare in id order.
        seen.sort(java.util.Comparator.comparing(PosteriorSummary::getGalaxyId));
        assertEquals(committed, seen, "exactly the committed summaries; the aborted one is invisible");
        assertEquals(1, undecodable.size());

        PosteriorCsvFormat format = PosteriorCsvFormat.of(seen.get(0));
        Path csv = temp.resolve("tail.csv");
        try (Writer out = Files.newBufferedWriter(csv);
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(format.header().toArray(String[]::new)).get().print(out)) {
            for (PosteriorSummary summary : seen) {
                printer.printRecord(format.row(summary));
            }
        }
        CsvTable table = CsvTable.read(csv);
        assertEquals(3, table.rows().size());
        for (int i = 0; i < 3; i++) {
            PosteriorSummary summary = committed.get(i);
            assertEquals(summary.getGalaxyId(), table.cell(i, "id"));
            assertEquals(summary.getQuantities().get(0).getP50(), Double.parseDouble(table.cell(i, "z_p50")));
            assertEquals(summary.getQuantities().get(1).getP975(), Double.parseDouble(table.cell(i, "log10Mstar_p97_5")));
            assertEquals(summary.getLnPosteriorMax(), Double.parseDouble(table.cell(i, "lnpost_max")));
            assertEquals(summary.getAttributes().get("spec_z"), table.cell(i, "spec_z"));
        }
    }

    @Test
    void aMissingTopicIsNamed() {
        try (ResultTailer<PosteriorSummary> tailer = new ResultTailer<>(KAFKA.bootstrapServers(), "no.such.topic",
                AvroCodec.of(PosteriorSummary.class))) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> tailer.run(new TailSettings(true, OptionalLong.of(1), Optional.of(Duration.ofSeconds(1))),
                            new TailListener<>() {
                                @Override
                                public void record(String key, PosteriorSummary value, int partition, long offset) {}

                                @Override
                                public void undecodable(String key, int partition, long offset, String reason) {}
                            }));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no.such.topic"), e.getMessage());
        }
    }
}
