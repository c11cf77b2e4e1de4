package org.popstream.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.common.KafkaException;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.kafka.TopicProvisioner;
import org.popstream.catalogue.CatalogueFormatException;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.RowError;
import org.popstream.catalogue.Survey;
import org.popstream.kafka.replay.CatalogueReplayer;
import org.popstream.kafka.replay.ReplayException;
import org.popstream.kafka.replay.ReplayReport;
import org.popstream.kafka.replay.ReplaySettings;
import org.popstream.kafka.replay.Tiling;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code popstream replay}: publishes a catalogue file as survey tiles of PhotometryEvents. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes a catalogue to Kafka as a survey would, tile by tile.",
            "Reads a CSV or FITS binary table and sends one PhotometryEvent per galaxy to popstream.photometry.v1,",
            "keyed by galaxy id, with an idempotent producer.",
            "Rows that cannot be sent are listed with their line number and reason.",
            "Exit status: 0 all rows sent, 1 some rows skipped, 2 nothing could be sent (bad file, Kafka unreachable)."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, converter = ReadableFile.class, paramLabel = "CATALOGUE", description = "Catalogue file: .csv or .fits (optionally .gz).")
    Path input;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, where `popstream broker` listens).")
    String bootstrap;

    @Option(names = "--survey", paramLabel = "NAME", defaultValue = "cosmos2020",
            description = "Band set whose columns are read (default: ${DEFAULT-VALUE}).")
    String surveyName;

    @ArgGroup(exclusive = true)
    TileOptions tiles = new TileOptions();

    static final class TileOptions {
        @Option(names = "--tile-size", paramLabel = "N", description = "Galaxies per tile (default: 100).")
        Integer size;

        @Option(names = "--tile-column", paramLabel = "COL", description = "Column whose value is the tile id (rows are not reordered).")
        String column;

        Tiling tiling() {
            return column != null ? new Tiling.ByColumn(column) : new Tiling.BySize(size == null ? 100 : size);
        }
    }

    @Option(names = "--rate", paramLabel = "GALAXIES_PER_S", description = "Pace the sends (default: as fast as possible).")
    Double rate;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N rows of the catalogue.")
    Long limit;

    @Override
    public Integer call() throws InterruptedException {
        Survey survey = Survey.named(surveyName).orElse(null);
        if (survey == null) {
            return fail("unknown survey '" + surveyName + "' (known: " + String.join(", ", Survey.names()) + ")");
        }
        ReplaySettings settings;
        try {
            settings = new ReplaySettings(tiles.tiling(),
                    rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate),
                    limit == null ? OptionalLong.empty() : OptionalLong.of(limit));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try (CatalogueReader reader = CatalogueReader.open(input, survey)) {
            ensureTopic();
            long total = limit == null ? reader.rowCount() : Math.min(limit, reader.rowCount());
            ReplayReport report;
            try (ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName("replay")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" galaxies", 1)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build()) {
                report = CatalogueReplayer.replay(bootstrap, reader, settings, entry -> bar.step());
            }
            printReport(report, reader);
            return report.complete() ? 0 : 1;
        } catch (CatalogueFormatException e) {
            return fail(e.getMessage());
        } catch (ReplayException | IllegalStateException | KafkaException e) {
            return fail(e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            return fail("reading " + input + " failed: " + e.getMessage());
        }
    }

    /** The topic normally exists (broker, deploy manifests); create it for a bare Kafka. Also checks Kafka answers. */
    private void ensureTopic() {
        new TopicProvisioner(bootstrap, (short) 1, Duration.ofSeconds(15)).create(List.of(PopstreamTopic.PHOTOMETRY))
                .forEach(created -> err().println("popstream replay: created topic " + created));
    }

    private void printReport(ReplayReport report, CatalogueReader reader) {
        out().printf("sent %d galaxies in %d tiles to %s at %s (%.1f s)%n", report.sent(), report.tiles(),
                PopstreamTopic.PHOTOMETRY.topicName(), bootstrap, report.elapsed().toMillis() / 1000.0);
        if (!report.skipped().isEmpty()) {
            out().printf("skipped %d rows of %s:%n", report.skipped().size(), reader.file());
            for (RowError error : report.skipped()) {
                out().printf("  %s %d%s: %s%n", report.positionName(), error.line(),
                        error.id() == null ? "" : " (id " + error.id() + ")", error.reason());
            }
        }
    }

    private int fail(String message) {
        err().println("popstream replay: " + message);
        return 2;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
