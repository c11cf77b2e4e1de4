package org.popstream.kafka.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.catalogue.CatalogueEntry;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.RowError;
import org.popstream.catalogue.Survey;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.kafka.tail.ResultTailer;
import org.popstream.kafka.tail.TailListener;
import org.popstream.kafka.tail.TailReport;
import org.popstream.kafka.tail.TailSettings;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.encoding.AvroCodec;
import org.popstream.testing.CsvTable;
import org.popstream.testing.SharedPaths;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;

/** Replays part of the shared COSMOS2020 catalogue into a real broker and reads back what arrived. */
// every wait bounded: a real broker: a lost record fails, never hangs the build
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReplayRoundTripTest {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir static Path temp;

    @BeforeAll
    static void createTopics() {
        KAFKA.createTopics(Arrays.stream(PopstreamTopic.values()).map(t -> t.newTopic((short) 1)).toList());
    }

    @Test
    void everyGoodRowArrivesOnceWithItsValuesAndBadRowsAreReported() throws Exception {
        CsvTable table = CsvTable.read(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv")).head(250)
                .withCell(41, "hsc_g_flux_uJy", "n/a")
                .withCell(180, "irac2_cosmos_fluxerr_uJy", "-0.2");
        Path catalogue = table.write(temp.resolve("cosmos-subset.csv"));
        Map<String, CatalogueRow> expected = new LinkedHashMap<>();
        try (CatalogueReader reader = CatalogueReader.open(catalogue, Survey.COSMOS2020)) {
            reader.forEachRemaining(e -> {
                if (e instanceof CatalogueRow row) {
                    expected.put(row.id(), row);
                }
            });
        }

        List<CatalogueEntry> progress = new ArrayList<>();
        ReplayReport report;
        try (CatalogueReader reader = CatalogueReader.open(catalogue, Survey.COSMOS2020)) {
            report = CatalogueReplayer.replay(KAFKA.bootstrapServers(), reader, ReplaySettings.tilesOf(100), progress::add);
        }

        assertEquals(248, report.sent());
        assertEquals(250, progress.size(), "progress sees every row, sent or skipped");
        assertEquals(3, report.tiles());
        assertEquals(List.of(43L, 182L), report.skipped().stream().map(RowError::line).toList(), "header is line 1");
        assertTrue(report.skipped().get(0).reason().contains("hsc_g_flux_uJy: not a number: 'n/a'"));
        assertEquals("line", report.positionName());

        Map<String, PhotometryEvent> arrived = new HashMap<>();
        Map<String, Integer> perTile = new TreeMap<>();
        TailReport tail;
        try (ResultTailer<PhotometryEvent> tailer = new ResultTailer<>(KAFKA.bootstrapServers(),
                PopstreamTopic.PHOTOMETRY.topicName(), AvroCodec.of(PhotometryEvent.class))) {
            tail = tailer.run(new TailSettings(true, OptionalLong.of(248), Optional.of(Duration.ofSeconds(20))),
                    new TailListener<>() {
                        @Override
                        public void record(String key, PhotometryEvent value, int partition, long offset) {
                            assertEquals(key, value.getGalaxyId(), "keyed by galaxy id");
                            assertEquals(null, arrived.put(key, value), "no duplicates");
                            perTile.merge(value.getTileId(), 1, Integer::sum);
                        }

                        @Override
                        public void undecodable(String key, int partition, long offset, String reason) {
                            throw new AssertionError("undecodable record at offset " + offset + ": " + reason);
                        }
                    });
        }

        assertEquals(TailReport.StopReason.MAX_RECORDS, tail.stoppedBy());
        assertEquals(expected.keySet(), arrived.keySet());
        assertEquals(Map.of("tile-00000", 100, "tile-00001", 100, "tile-00002", 48), perTile);
        for (CatalogueRow row : expected.values()) {
            PhotometryEvent event = arrived.get(row.id());
            PhotometryEvent wanted = PhotometryEventMapper.toEvent(row, "cosmos2020", event.getTileId(), event.getEmittedAtMillis());
            assertEquals(wanted, event, row.id());
        }
    }

    @Test
    void limitStopsReadingAndAColumnCanNameTheTiles() throws Exception {
        String topic = "replay.column-tiles";
        KAFKA.createTopics(2, topic);
        StringBuilder csv = new StringBuilder("id,field,hsc_g_flux_uJy,hsc_g_fluxerr_uJy\n");
        for (int i = 0; i < 30; i++) {
            csv.append("c").append(i).append(',').append(i < 20 ? "north" : "south").append(",1.5,0.1\n");
        }
        Path catalogue = java.nio.file.Files.writeString(temp.resolve("fields.csv"), csv);
        ReplaySettings settings = new ReplaySettings(new Tiling.ByColumn("field"), java.util.OptionalDouble.empty(),
                OptionalLong.of(25));

        ReplayReport report;
        try (CatalogueReader reader = CatalogueReader.open(catalogue, Survey.COSMOS2020);
                var producer = CatalogueReplayer.idempotentProducer(KAFKA.bootstrapServers())) {
            report = new CatalogueReplayer(producer, topic, settings, java.time.Clock.systemUTC()).replay(reader, entry -> { });
        }

        assertEquals(25, report.sent());
        assertEquals(2, report.tiles());
        Map<String, Integer> perTile = new TreeMap<>();
        try (ResultTailer<PhotometryEvent> tailer = new ResultTailer<>(KAFKA.bootstrapServers(), topic,
                AvroCodec.of(PhotometryEvent.class))) {
            tailer.run(new TailSettings(true, OptionalLong.of(25), Optional.of(Duration.ofSeconds(20))), new TailListener<>() {
                @Override
                public void record(String key, PhotometryEvent value, int partition, long offset) {
                    perTile.merge(value.getTileId(), 1, Integer::sum);
                }

                @Override
                public void undecodable(String key, int partition, long offset, String reason) {
                    throw new AssertionError(reason);
                }
            });
        }
        assertEquals(Map.of("north", 20, "south", 5), perTile);
    }
}
