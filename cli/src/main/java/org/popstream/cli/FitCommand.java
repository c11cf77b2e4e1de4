package org.popstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popstream.catalogue.CatalogueEntry;
import org.popstream.catalogue.CatalogueFormatException;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.RowError;
import org.popstream.catalogue.Survey;
import org.popstream.catalogue.results.PosteriorCsvFormat;
import org.popstream.catalogue.results.SamplesCsvFormat;
import org.popstream.inference.fit.EnsembleGalaxyFitter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.inference.PosteriorResultRecords;
import org.popstream.schemas.Timings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream fit}: the inference core as a batch command, without Kafka or Flink — backfills,
 * validation, benchmarks. Same fitter, seed semantics and output columns as the streaming job.
 */
@Command(
        name = "fit",
        modelTransformer = SettingOptions.Transformer.class,
        mixinStandardHelpOptions = true,
        description = {
            "Fits every galaxy of a catalogue file, without Kafka or Flink.",
            "Reads CSV or FITS (shared/data conventions) and writes one row of posterior summaries per galaxy.",
            "Malformed rows are reported on stderr with their line and skipped."
        })
public final class FitCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, converter = ReadableFile.class, paramLabel = "CATALOGUE", description = "Catalogue file (.csv or .fits).")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "Posterior summaries, one row per galaxy.")
    Path output;

    @Option(names = "--samples", paramLabel = "SAMPLES.csv", description = "Also write the thinned posterior draws.")
    Path samples;

    @Option(names = "--batch", defaultValue = "256", paramLabel = "G",
            description = "Galaxies per micro-batch; the last one is padded so every galaxy sees the same TF shapes; a catalogue smaller than G is one batch of its own size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--limit", paramLabel = "N", description = "Fit only the first N usable galaxies.")
    Integer limit;

    @Mixin
    FitArguments fit;

    @Spec
    CommandSpec spec;

    /** Exit status when some rows were malformed and skipped (the others were fitted). */
    public static final int ROWS_SKIPPED = 1;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (batch < 1) {
            err.println("popstream fit: --batch must be >= 1, got " + batch);
            return 2;
        }
        fit.checkSettings();
        List<CatalogueRow> rows = new ArrayList<>();
        int rejected = 0;
        List<String> header;
        try (CatalogueReader reader = CatalogueReader.open(input, Survey.COSMOS2020)) {
            header = reader.layout().header();
            while (reader.hasNext() && (limit == null || rows.size() < limit)) {
                CatalogueEntry entry = reader.next();
                if (entry instanceof RowError error) {
                    rejected++;
                    err.printf("popstream fit: %s: %s %d%s: %s (skipped)%n", input, reader.positionName(),
                            error.line(), error.id() == null ? "" : " (id " + error.id() + ")", error.reason());
                } else {
                    rows.add((CatalogueRow) entry);
                }
            }
        } catch (CatalogueFormatException e) {
            err.println("popstream fit: " + e.getMessage());
            return 2;
        }
        List<GalaxyPhotometry> galaxies = rows.stream().map(CatalogueRows::toPhotometry).toList();
        List<String> attributes = attributeColumns(header, rows);
        err.printf("popstream fit: %d galaxies to fit, %d malformed rows skipped%n", galaxies.size(), rejected);

        // a catalogue smaller than one batch is fitted at its own size: padding 10 galaxies to 256 would
        // cost 25 times the work (results then equal a stream run with that batch size, not with --batch)
        int shape = Math.max(1, Math.min(batch, galaxies.size()));
        FittingContext context = fit.open(shape);
        long total = (long) galaxies.size() * context.settings().sampler().steps();
        PosteriorCsvFormat format = new PosteriorCsvFormat(org.popstream.inference.summary.QuantityNames.ALL, attributes);
        try (EnsembleGalaxyFitter fitter = context.fitter(samples != null);
             Writer out = Files.newBufferedWriter(output);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
             CSVPrinter samplesCsv = samples == null ? null : new CSVPrinter(Files.newBufferedWriter(samples), CSVFormat.DEFAULT);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("fit").setInitialMax(total)
                     .setStyle(ProgressBarStyle.ASCII).setUnit(" galaxy", context.settings().sampler().steps())
                     .showSpeed().build()) {
            csv.printRecord(format.header());
            SamplesCsvFormat samplesFormat = new SamplesCsvFormat(org.popstream.inference.summary.QuantityNames.ALL);
            if (samplesCsv != null) {
                samplesCsv.printRecord(samplesFormat.header());
            }
            for (int start = 0; start < galaxies.size(); start += shape) {
                List<GalaxyPhotometry> chunk = galaxies.subList(start, Math.min(galaxies.size(), start + shape));
                long before = (long) start * context.settings().sampler().steps();
                fitter.onProgress((g, done, steps) -> bar.stepTo(before + (long) g * done));
                for (PosteriorResult result : fitter.fit(chunk)) {
                    var summary = PosteriorResultRecords.summary(result, provenance(result), context.settings(),
                            context.prior().description(), fitter.modelVersion());
                    csv.printRecord(format.row(summary));
                    if (samplesCsv != null) {
                        for (List<String> row : samplesFormat.rows(PosteriorResultRecords.samplesOf(result, fitter.modelVersion()))) {
                            samplesCsv.printRecord(row);
                        }
                    }
                }
                csv.flush();
            }
            if (samplesCsv != null) {
                samplesCsv.close();
            }
        }
        err.printf("popstream fit: wrote %s (%d galaxies)%s%n", output, galaxies.size(),
                samples == null ? "" : " and " + samples);
        err.flush();
        return rejected > 0 ? ROWS_SKIPPED : 0;
    }

    /**
     * A catalogue file has no survey tile and no event times: the fit's own time stands for all of
     * them; a numeric spec_z column becomes the summary's spec_z.
     */
    private static PosteriorResultRecords.Provenance provenance(PosteriorResult result) {
        String specZ = result.attributes().get("spec_z");
        Double z = null;
        try {
            z = specZ == null ? null : Double.valueOf(specZ);
        } catch (NumberFormatException ignored) {
            // a non-numeric spec_z still travels as an attribute
        }
        long now = System.currentTimeMillis();
        return new PosteriorResultRecords.Provenance("cosmos2020", "", z, result.attributes(),
                new Timings(now, now, result.inferenceMillis(), now));
    }

    /** Non-band columns in catalogue order (only those some row actually fills). */
    private static List<String> attributeColumns(List<String> header, List<CatalogueRow> rows) {
        Set<String> present = new LinkedHashSet<>();
        for (CatalogueRow row : rows) {
            present.addAll(row.attributes().keySet());
        }
        List<String> ordered = new ArrayList<>();
        for (String column : header) {
            if (present.remove(column)) {
                ordered.add(column);
            }
        }
        ordered.addAll(present);
        return ordered;
    }
}
