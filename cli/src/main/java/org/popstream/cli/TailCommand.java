package org.popstream.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.catalogue.results.PhotometryCsvFormat;
import org.popstream.catalogue.results.PosteriorCsvFormat;
import org.popstream.catalogue.results.RejectedCsvFormat;
import org.popstream.catalogue.results.ResultRows;
import org.popstream.catalogue.results.SamplesCsvFormat;
import org.popstream.kafka.tail.ResultTailer;
import org.popstream.kafka.tail.TailListener;
import org.popstream.kafka.tail.TailReport;
import org.popstream.kafka.tail.TailSettings;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;
import org.popstream.schemas.encoding.AvroCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code popstream tail}: follows a result topic as a table on the terminal or a CSV file. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a popstream topic's committed records as a table or CSV.",
            "Only committed records (isolation level read_committed); prints a compact table, or writes the same",
            "CSV columns as `popstream fit` with --output.",
            "--topic photometry shows what `popstream replay` published (ids, tiles, band counts).",
            "Exit status: 0 done, 1 some records could not be decoded (listed on stderr), 2 could not read the topic."
        })
public final class TailCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    enum ResultTopic { posteriors, samples, rejected, photometry }

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "posteriors", description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultTopic topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record (default: only new records).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop after S seconds without a new record (default: run until Ctrl-C).")
    Double timeoutSeconds;

    @Option(names = "--output", paramLabel = "OUT.csv", description = "Write CSV here instead of a table on stdout.")
    Path output;

    @Override
    public Integer call() {
        TailSettings settings;
        try {
            settings = new TailSettings(fromBeginning,
                    max == null ? OptionalLong.empty() : OptionalLong.of(max),
                    timeoutSeconds == null ? Optional.empty() : Optional.of(Duration.ofMillis((long) (timeoutSeconds * 1000))));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        return switch (topic) {
            case posteriors -> tail(PopstreamTopic.POSTERIORS, AvroCodec.of(PosteriorSummary.class), settings, PosteriorCsvFormat::of);
            case samples -> tail(PopstreamTopic.SAMPLES, AvroCodec.of(PosteriorSamples.class), settings, SamplesCsvFormat::of);
            case rejected -> tail(PopstreamTopic.REJECTED, AvroCodec.of(RejectedEvent.class), settings, first -> new RejectedCsvFormat());
            case photometry -> tail(PopstreamTopic.PHOTOMETRY, AvroCodec.of(PhotometryEvent.class), settings,
                    first -> new PhotometryCsvFormat());
        };
    }

    private <T> int tail(PopstreamTopic topic, AvroCodec<T> codec, TailSettings settings, Function<T, ResultRows<T>> formatOf) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnCtrlC = null;
        try (ResultTailer<T> tailer = new ResultTailer<>(bootstrap, topic.topicName(), codec);
                RowSink sink = output == null ? new TableSink(out()) : new CsvSink(output)) {
            stopOnCtrlC = new Thread(() -> {
                tailer.stop();
                awaitQuietly(finished);
            }, "popstream-tail-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            PrintingListener<T> listener = new PrintingListener<>(sink, formatOf, err());
            TailReport report = tailer.run(settings, listener);
            err().printf("popstream tail: %d records from %s%s (%s)%n", report.records(), topic.topicName(),
                    report.undecodable() == 0 ? "" : ", " + report.undecodable() + " undecodable",
                    report.stoppedBy().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            return report.undecodable() == 0 ? 0 : 1;
        } catch (IllegalStateException e) {
            return fail(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return fail("cannot write " + output + ": " + e.getMessage());
        } finally {
            finished.countDown();
            removeQuietly(stopOnCtrlC);
        }
    }

    private static void removeQuietly(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it waits for `finished`, which is now counted down
        }
    }

    /** Formats records as rows; the format is fixed by the first record. */
    private static final class PrintingListener<T> implements TailListener<T> {
        private final RowSink sink;
        private final Function<T, ResultRows<T>> formatOf;
        private final PrintWriter err;
        private ResultRows<T> format;

        PrintingListener(RowSink sink, Function<T, ResultRows<T>> formatOf, PrintWriter err) {
            this.sink = sink;
            this.formatOf = formatOf;
            this.err = err;
        }

        @Override
        public void record(String key, T value, int partition, long offset) {
            if (format == null) {
                format = formatOf.apply(value);
                sink.header(format);
            }
            try {
                for (List<String> row : format.rows(value)) {
                    sink.row(format, row);
                }
            } catch (IllegalArgumentException e) {
                err.printf("popstream tail: partition %d offset %d: %s%n", partition, offset, e.getMessage());
            }
        }

        @Override
        public void undecodable(String key, int partition, long offset, String reason) {
            err.printf("popstream tail: partition %d offset %d (key %s): %s%n", partition, offset, key, reason);
        }
    }

    private interface RowSink extends AutoCloseable {
        void header(ResultRows<?> format);

        void row(ResultRows<?> format, List<String> row);

        @Override
        void close() throws IOException;
    }

    /** A few columns, fixed width, numbers to 4 significant digits. */
    private static final class TableSink implements RowSink {
        private static final int WIDTH = 14;
        private final PrintWriter out;

        TableSink(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void header(ResultRows<?> format) {
            out.println(line(format.compactColumns()));
        }

        @Override
        public void row(ResultRows<?> format, List<String> row) {
            List<String> header = format.header();
            out.println(line(format.compactColumns().stream().map(c -> compact(row.get(header.indexOf(c)))).toList()));
        }

        private static String line(List<String> cells) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i);
                int width = i == 0 ? 16 : WIDTH;
                out.append(String.format("%-" + width + "s ", cell.length() > width ? cell.substring(0, width - 1) + "…" : cell));
            }
            return out.toString().stripTrailing();
        }

        private static String compact(String cell) {
            try {
                double value = Double.parseDouble(cell);
                return cell.matches("-?\\d+") ? cell : String.format(Locale.ROOT, "%.4g", value);
            } catch (NumberFormatException e) {
                return cell;
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** Every column; flushed per row so a Ctrl-C leaves a complete file. */
    private static final class CsvSink implements RowSink {
        private final Writer writer;
        private final CSVPrinter printer;

        CsvSink(Path file) throws IOException {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        }

        @Override
        public void header(ResultRows<?> format) {
            row(format, format.header());
        }

        @Override
        public void row(ResultRows<?> format, List<String> row) {
            try {
                printer.printRecord(row);
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int fail(String message) {
        err().println("popstream tail: " + message);
        return 2;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
