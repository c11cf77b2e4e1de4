package org.popstream.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.CatalogueSample;
import org.popstream.catalogue.Survey;
import org.popstream.catalogue.results.PosteriorCsvFormat;
import org.popstream.cli.demo.DemoReport;
import org.popstream.cli.demo.PhotoZPlot;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.settings.FitOptions;
import org.popstream.job.config.InvalidConfigException;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.JobOptions;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.inference.TensorFlowFitterFactory;
import org.popstream.job.local.LocalPopstream;
import org.popstream.kafka.broker.LocalBrokerSettings;
import org.popstream.kafka.broker.LocalKafkaBroker;
import org.popstream.kafka.replay.CatalogueReplayer;
import org.popstream.kafka.replay.ReplayReport;
import org.popstream.kafka.replay.ReplaySettings;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream demo}: everything in one JVM — a local KRaft broker, the streaming job on a Flink
 * MiniCluster with its dashboard, a replay of real COSMOS2020 galaxies as survey tiles — then the
 * photo-z metrics against the spectroscopic redshifts, a results CSV and a z_phot–z_spec plot.
 *
 * <p>The sampler defaults are smaller than the streaming job's (64 walkers × 1000 steps) so that a
 * few hundred galaxies finish within ten minutes on two cores; they are printed at start.
 */
@Command(name = "demo",
        modelTransformer = SettingOptions.Transformer.class, mixinStandardHelpOptions = true,
        description = {"Local end-to-end demo: broker + Flink MiniCluster (dashboard) + replay of real COSMOS2020 "
                + "galaxies -> posterior summaries, photo-z metrics, results CSV and PNG plot in --output-dir."})
public final class DemoCommand implements Callable<Integer>, SettingOptions.TakesSettings {

    @Spec CommandSpec spec;

    /**
     * The job's own settings, with smaller sampler defaults so that a few hundred galaxies finish
     * within ten minutes on two cores; the seed also draws the sample.
     */
    private final SettingOptions settings = new SettingOptions(List.of(FitOptions.WALKERS, FitOptions.STEPS,
            FitOptions.BURN, FitOptions.THIN, JobOptions.BATCH_SIZE, FitOptions.BANK, FitOptions.SEED))
            .withDefault(FitOptions.WALKERS, 32)
            .withDefault(FitOptions.STEPS, 400)
            .withDefault(FitOptions.BURN, 200)
            .withDefault(FitOptions.THIN, 5)
            .withDefault(JobOptions.BATCH_SIZE, 50)
            .withDefault(FitOptions.BANK, 8192)
            .withDefault(FitOptions.SEED, 20261122L);

    @Option(names = "--galaxies", description = "Galaxies drawn (seeded) from the catalogue (default: ${DEFAULT-VALUE}).")
    int galaxies = 300;

    @Option(names = "--catalogue", converter = ReadableFile.class, paramLabel = "CSV",
            description = "Catalogue with spec_z (default: ../shared/data/cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv).")
    Path catalogue;

    @Option(names = "--output-dir", description = "Where results go (default: ${DEFAULT-VALUE}).")
    Path outputDir = Path.of("popstream-demo");

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory.")
    Path models;

    @Option(names = "--rest-port", description = "Flink dashboard port (default: ${DEFAULT-VALUE}).")
    int restPort = 8081;

    @Option(names = "--tile-size", description = "Galaxies per replayed survey tile (default: ${DEFAULT-VALUE}).")
    int tileSize = 50;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any streaming-job setting by key (repeatable).")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--timeout-minutes", description = "Give up waiting for results after this long (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes = 30;

    @Option(names = "--keep-running", description = "Keep broker, job and dashboard up after the report until Ctrl-C.")
    boolean keepRunning;

    @Override
    public SettingOptions settingOptions() {
        return settings;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path input = catalogue != null ? catalogue
                : ProjectHome.resolve(ProjectHome.DEV_CATALOGUE).toAbsolutePath().normalize();
        if (!Files.isReadable(input)) {
            err.println("popstream demo: cannot read catalogue " + input);
            return 2;
        }
        try {
            // every setting checked before a broker starts; the real bootstrap address comes later
            JobConfigParser.parse(settings("127.0.0.1:9092"));
        } catch (InvalidConfigException e) {
            err.println("popstream demo: " + settings.describe(e, extra));
            return 2;
        }
        Files.createDirectories(outputDir);
        Path sample = outputDir.resolve("input-sample.csv");
        int chosen = CatalogueSample.write(input, sample, galaxies, settings.get(FitOptions.SEED));
        out.printf("popstream demo: %d galaxies drawn from %s -> %s%n", chosen, input, sample);

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(LocalBrokerSettings.ephemeral())) {
            out.println("popstream demo: Kafka broker (KRaft) on " + broker.bootstrapServers());
            PopstreamJobConfig config = JobConfigParser.parse(settings(broker.bootstrapServers()));
            out.printf("popstream demo: sampler %d walkers x %d steps (burn %d, thin %d), batch %d, bank %d, seed %d%n",
                    settings.get(FitOptions.WALKERS), settings.get(FitOptions.STEPS), settings.get(FitOptions.BURN),
                    settings.get(FitOptions.THIN), settings.get(JobOptions.BATCH_SIZE), settings.get(FitOptions.BANK),
                    settings.get(FitOptions.SEED));
            try (LocalPopstream job = LocalPopstream.start(config, new TensorFlowFitterFactory(config), restPort)) {
                out.println("popstream demo: Flink dashboard " + job.dashboardUrl());
                out.flush();
                long start = System.nanoTime();
                ReplayReport replay;
                try (CatalogueReader reader = CatalogueReader.open(sample, Survey.COSMOS2020)) {
                    replay = CatalogueReplayer.replay(broker.bootstrapServers(), reader,
                            ReplaySettings.tilesOf(tileSize), entry -> { });
                }
                out.printf("popstream demo: replayed %d galaxies in %d tiles; %d rows skipped%n",
                        replay.sent(), replay.tiles(), replay.skipped().size());
                replay.skipped().forEach(e -> err.println("  skipped " + e));
                out.flush();

                Results results = awaitResults(job, (int) replay.sent(), Duration.ofMinutes(timeoutMinutes), err);
                double seconds = (System.nanoTime() - start) / 1e9;
                int status = report(results, seconds, out, err);
                if (keepRunning) {
                    out.println("popstream demo: still running; dashboard " + job.dashboardUrl() + " — Ctrl-C to stop");
                    out.flush();
                    CountDownLatch stop = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "popstream-demo-stop"));
                    stop.await();
                }
                return status;
            }
        }
    }

    private record Results(List<PosteriorSummary> summaries, List<RejectedEvent> rejected, boolean complete) {}

    /** Waits until every replayed galaxy has a committed summary or dead letter, with a progress bar. */
    private Results awaitResults(LocalPopstream job, int expected, Duration timeout, PrintWriter err) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PosteriorSummary> summaries = List.of();
        List<RejectedEvent> rejected = List.of();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("fitted").setInitialMax(expected)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" galaxies", 1).showSpeed().build()) {
            while (summaries.size() + rejected.size() < expected && System.nanoTime() < deadline) {
                summaries = job.summariesSoFar(Duration.ofSeconds(1));
                rejected = job.rejectedSoFar(Duration.ofMillis(200));
                bar.stepTo(summaries.size() + rejected.size());
            }
        }
        boolean complete = summaries.size() + rejected.size() >= expected;
        if (!complete) {
            err.printf("popstream demo: timed out: %d of %d galaxies done%n", summaries.size() + rejected.size(), expected);
        }
        return new Results(summaries, rejected, complete);
    }

    private int report(Results results, double seconds, PrintWriter out, PrintWriter err) throws Exception {
        List<PosteriorSummary> summaries = results.summaries();
        out.printf("popstream demo: %d summaries and %d dead letters in %.1f s (%.2f galaxies/s end to end)%n",
                summaries.size(), results.rejected().size(), seconds, summaries.size() / seconds);
        results.rejected().forEach(r -> err.printf("  rejected %s: %s %s%n", r.getGalaxyId(), r.getReason(), r.getMessage()));
        if (summaries.isEmpty()) {
            err.println("popstream demo: no results to report");
            return 1;
        }
        Path csv = outputDir.resolve("posteriors.csv");
        PosteriorCsvFormat format = PosteriorCsvFormat.of(summaries.get(0));
        try (Writer writer = Files.newBufferedWriter(csv);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(format.header());
            for (PosteriorSummary summary : summaries) {
                printer.printRecord(format.row(summary));
            }
        }
        DemoReport report = DemoReport.of(summaries);
        Path png = outputDir.resolve("photoz_vs_specz.png");
        PhotoZPlot.write(png, String.format("popstream demo: %d COSMOS2020 galaxies (σ_NMAD %.3f, outliers %.0f %%)",
                        report.metrics().count(), report.metrics().sigmaNmad(), 100 * report.metrics().outlierFraction()),
                report.zSpec(), report.zPhot(), report.zLow(), report.zHigh());
        out.println("popstream demo: photometric vs spectroscopic redshift (z_phot = posterior median)");
        out.println(report.table());
        out.println("popstream demo: wrote " + csv + " and " + png);
        out.flush();
        return results.complete() ? 0 : 1;
    }

    private Map<String, String> settings(String bootstrap) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(JobConfigParser.BOOTSTRAP_SERVERS, bootstrap);
        s.put(JobConfigParser.MODELS_DIR, ModelDirectory.resolve(models).root().toString());
        s.put(JobConfigParser.GROUP_ID, "popstream-demo");
        s.putAll(settings.asKeys(spec.commandLine().getParseResult()));
        // One bucket and a generous delay: the whole sample arrives within seconds, so batches fill
        // completely instead of leaving a padded remainder per bucket (every batch costs batch.size galaxies).
        s.put(JobConfigParser.BATCH_BUCKETS, "1");
        s.put(JobConfigParser.BATCH_MAX_DELAY_MS, "10000");
        s.put(JobConfigParser.CHECKPOINT_INTERVAL_MS, "5000");
        s.putAll(extra);
        return s;
    }
}
