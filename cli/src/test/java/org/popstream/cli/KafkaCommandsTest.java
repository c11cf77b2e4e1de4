package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.catalogue.results.PosteriorCsvFormat;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;
import org.popstream.schemas.encoding.AvroCodec;
import org.popstream.testing.CsvTable;
import org.popstream.testing.SharedPaths;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;
import picocli.CommandLine;

/** `popstream replay` and `popstream tail` as a user runs them, against a real broker. */
// every wait bounded: a real broker: a lost record fails, never hangs the build
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaCommandsTest {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir static Path temp;

    @BeforeAll
    static void createTopics() {
        KAFKA.createTopics(Arrays.stream(PopstreamTopic.values()).map(t -> t.newTopic((short) 1)).toList());
    }

    @Test
    void replayListsSkippedRowsAndExitsWithOne() throws Exception {
        CsvTable table = CsvTable.read(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv")).head(40)
                .withCell(5, "ia427_cosmos_fluxerr_uJy", "nan");
        Path catalogue = table.write(temp.resolve("forty.csv"));

        Run run = run("replay", "--input", catalogue.toString(), "--bootstrap", KAFKA.bootstrapServers(), "--tile-size", "10");

        assertEquals(1, run.exitCode, run.err);
        assertTrue(run.out.contains("sent 39 galaxies in 4 tiles to popstream.photometry.v1"), run.out);
        assertTrue(run.out.contains("line 7 (id " + table.cell(5, "id") + "): ia427_cosmos_fluxerr_uJy: not a number: 'nan'"), run.out);

        Path arrived = temp.resolve("arrived.csv");
        Run tail = run("tail", "--bootstrap", KAFKA.bootstrapServers(), "--topic", "photometry", "--from-beginning",
                "--max", "39", "--timeout", "60", "--output", arrived.toString());
        assertEquals(0, tail.exitCode, tail.err);
        CsvTable events = CsvTable.read(arrived);
        assertEquals(39, events.rows().size());
        List<String> sentIds = new ArrayList<>(table.rows().stream().map(r -> r.get(0)).toList());
        sentIds.remove(5);
        List<String> arrivedIds = new ArrayList<>(events.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(sentIds.stream().sorted().toList(), arrivedIds.stream().sorted().toList());
        for (int i = 0; i < events.rows().size(); i++) {
            String id = events.cell(i, "id");
            int source = table.rows().stream().map(r -> r.get(0)).toList().indexOf(id);
            assertEquals(Double.parseDouble(table.cell(source, "spec_z")), Double.parseDouble(events.cell(i, "spec_z")),
                    "spec_z of " + id);
        }
    }

    @Test
    void replayOfAnUnusableFileExitsWithTwoAndSaysWhy() {
        Run run = run("replay", "--input", temp.resolve("missing.fits").toString(), "--bootstrap", KAFKA.bootstrapServers());
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("missing.fits: no such file"), run.err);
    }

    @Test
    void tailWritesEachCommittedSummaryAsOneRowOfThePosteriorCsv() throws Exception {
        AvroCodec<PosteriorSummary> codec = AvroCodec.of(PosteriorSummary.class);
        List<PosteriorSummary> summaries = List.of(summary("a1", 3.2), summary("a2", 2.6), summary("a3", 5.1));
        Properties props = KAFKA.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cli-tail-test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (PosteriorSummary summary : summaries) {
                producer.send(new ProducerRecord<>(PopstreamTopic.POSTERIORS.topicName(), summary.getGalaxyId(), codec.encode(summary)));
            }
            producer.commitTransaction();
        }
        Path csv = temp.resolve("tail.csv");

        Run run = run("tail", "--bootstrap", KAFKA.bootstrapServers(), "--from-beginning", "--max", "3", "--timeout", "60",
                "--output", csv.toString());

        assertEquals(0, run.exitCode, run.err);
        CsvTable table = CsvTable.read(csv);
        PosteriorCsvFormat format = PosteriorCsvFormat.of(summaries.get(0));
        assertEquals(format.header(), table.header());
        List<List<String>> rows = new ArrayList<>(table.rows());
        rows.sort(Comparator.comparing(row -> row.get(0)));
        assertEquals(summaries.stream().map(format::row).toList(), rows);
    }

    @Test
    void tailOfTheDeadLetterTopicListsEachRejectionWithItsReasonAndOrigin() throws Exception {
        AvroCodec<RejectedEvent> codec = AvroCodec.of(RejectedEvent.class);
        List<RejectedEvent> rejected = List.of(
                RejectedEvent.newBuilder().setGalaxyId(null).setReason(RejectReason.NOT_AVRO)
                        .setMessage("not a single-object encoded Avro record").setSourceTopic("popstream.photometry.v1")
                        .setPartition(0).setOffset(17L).setOriginalBytes(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                        .setRejectedAtMillis(555L).build(),
                RejectedEvent.newBuilder().setGalaxyId("g9").setReason(RejectReason.TOO_FEW_BANDS)
                        .setMessage("2 usable bands, at least 3 needed").setSourceTopic("popstream.photometry.v1")
                        .setPartition(0).setOffset(18L).setOriginalBytes(ByteBuffer.wrap(new byte[40]))
                        .setRejectedAtMillis(556L).build());
        Properties props = KAFKA.clientProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cli-tail-rejected-test");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (RejectedEvent event : rejected) {
                producer.send(new ProducerRecord<>(PopstreamTopic.REJECTED.topicName(), event.getGalaxyId(), codec.encode(event)));
            }
            producer.commitTransaction();
        }
        Path csv = temp.resolve("rejected.csv");

        Run run = run("tail", "--bootstrap", KAFKA.bootstrapServers(), "--topic", "rejected", "--from-beginning",
                "--max", "2", "--timeout", "60", "--output", csv.toString());

        assertEquals(0, run.exitCode, run.err);
        CsvTable table = CsvTable.read(csv);
        assertEquals(List.of("id", "reason", "message", "source_topic", "partition", "offset", "rejected_at_millis",
                "original_bytes"), table.header());
        List<List<String>> rows = new ArrayList<>(table.rows());
        rows.sort(Comparator.comparing(row -> row.get(5)));
        assertEquals(List.of(
                List.of("", "NOT_AVRO", "not a single-object encoded Avro record", "popstream.photometry.v1", "0", "17",
                        "555", "3"),
                List.of("g9", "TOO_FEW_BANDS", "2 usable bands, at least 3 needed", "popstream.photometry.v1", "0", "18",
                        "556", "40")), rows);

        Run table2 = run("tail", "--bootstrap", KAFKA.bootstrapServers(), "--topic", "rejected", "--from-beginning",
                "--max", "2", "--timeout", "60");
        assertEquals(0, table2.exitCode, table2.err);
        assertTrue(table2.out.contains("TOO_FEW_BANDS") && table2.out.contains("g9"), "the table on stdout: " + table2.out);
    }

    private static PosteriorSummary summary(String id, double z) {
        return PosteriorSummary.newBuilder()
                .setGalaxyId(id).setSurvey("cosmos2020").setTileId("tile-00000").setSpecZ(z)
                .setQuantities(List.of(new QuantitySummary("z", z, 0.2, z - 0.4, z - 0.2, z, z + 0.2, z + 0.4, z + 0.03),
                        new QuantitySummary("log10Mstar", 9.5 + z / 10, 0.25, 9.0, 9.3, 9.6, 9.9, 10.1, 9.61)))
                .setZQuantileLevels(List.of(0.5)).setZQuantiles(List.of(z))
                .setPQuenched10(0.02).setPQuenched11(0.0).setAcceptance(0.28).setTauMax(55.5).setEssMin(310.0)
                .setConverged(z < 5).setStepsUsed(3000).setNBands(22).setLnPosteriorMax(-20.5 + z)
                .setSettings(new SamplerSettings(48, 3000, 1000, 10, 11L, "analytic(zmax=6)", true))
                .setModelVersion("model-hash").setTimings(new Timings(10L, 20L, 15.0, 30L))
                .setAttributes(Map.of("spec_z", Double.toString(z)))
                .build();
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
