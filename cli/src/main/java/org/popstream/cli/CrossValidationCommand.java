package org.popstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.popstream.catalogue.Survey;
import org.popstream.inference.calibration.CalibrationResult;
import org.popstream.inference.calibration.ZeroPointTable;
import org.popstream.inference.crossval.ConfigurationScore;
import org.popstream.inference.crossval.CrossValidation;
import org.popstream.inference.crossval.CrossValidationResult;
import org.popstream.inference.crossval.CrossValidationSettings;
import org.popstream.inference.crossval.SpecZSplit;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.photoz.PhotozMetrics;
import org.popstream.inference.photoz.RedshiftEstimate;
import org.popstream.inference.posterior.PhotometryModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream crossval}: the evidence for the prior and calibration defaults (issue 7). Splits a
 * spectroscopic catalogue in two halves by a fixed seed, calibrates zero points on one half, and
 * measures photo-z quality on the other for the analytic prior, each population term alone, all terms,
 * each with and without the calibration. The science is {@link CrossValidation}; this command reads the
 * catalogue, reports progress and writes the evidence files.
 */
@Command(
        name = "crossval",
        mixinStandardHelpOptions = true,
        description = {
            "Cross-validates photo-z for each prior, with and without zero points.",
            "Calibrates on half of a spec-z catalogue and scores the other half with the analytic prior and each",
            "population-prior term, with and without the zero points. Writes metrics.csv,",
            "summary.txt, zeropoints.csv, the best configuration's estimates and a z_phot vs z_spec PNG."
        })
public final class CrossValidationCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, converter = ReadableFile.class, paramLabel = "SPECZ.csv", description = "Catalogue with spec_z.")
    Path input;

    @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Where the evidence is written.")
    Path outputDir;

    @Option(names = "--split-seed", defaultValue = "20251122", description = "Seed of the 50/50 split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--bank-size", defaultValue = "100000", paramLabel = "K",
            description = "Shared proposal bank for the redshift posteriors (default: ${DEFAULT-VALUE}).")
    int bankSize;

    @Option(names = "--calibration-bank", defaultValue = "1024", paramLabel = "K",
            description = "Per-galaxy bank of the fixed-z calibration fits (default: ${DEFAULT-VALUE}).")
    int calibrationBank;

    @Option(names = "--max-iter", defaultValue = "8", description = "Calibration iterations at most (default: ${DEFAULT-VALUE}).")
    int maxIterations;

    @Option(names = "--tol", defaultValue = "5e-3", description = "Calibration tolerance (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--fit-error-floors", description = "Also fit per-band error floors with the zero points.")
    boolean fitErrorFloors;

    @Option(names = "--threads", defaultValue = "2", description = "Threads for TF and the per-galaxy estimates (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory.")
    Path models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(outputDir);
        TrainingSet all = TrainingSet.read(input, Survey.COSMOS2020, "spec_z", spec.commandLine().getErr());
        PhotometryModel model = PhotometryModel.load(ModelDirectory.resolve(models), CosmosBands.ALL);
        CrossValidationSettings settings = new CrossValidationSettings(splitSeed, bankSize, calibrationBank,
                maxIterations, tolerance, fitErrorFloors, threads);
        CrossValidationResult result = new CrossValidation(model, settings)
                .run(all.galaxies(), all.redshifts(), new ProgressLines(out, all.rejected()));
        ZeroPointTable.write(outputDir.resolve("zeropoints.csv"), result.calibration().estimates());
        ConfigurationScore best = result.best();
        writeMetrics(result.scores(), result.calibration());
        writeEstimates(best, result.split().heldBackGalaxies(), result.split().heldBackRedshifts());
        plot(best, result.split().heldBackRedshifts());
        progress(out, "best: %s → %s%n", best.label(), outputDir.resolve("zphot_vs_zspec.png"));
        return 0;
    }

    /** Progress lines with the time each stage took. */
    private final class ProgressLines implements CrossValidation.Listener {
        private final PrintWriter out;
        private final int skippedRows;
        private long stageStart = System.nanoTime();

        ProgressLines(PrintWriter out, int skippedRows) {
            this.out = out;
            this.skippedRows = skippedRows;
        }

        @Override
        public void split(SpecZSplit split) {
            progress(out, "split seed %d: %d calibration galaxies, %d held back (%d rows skipped)%n", splitSeed,
                    split.calibrationGalaxies().size(), split.heldBackGalaxies().size(), skippedRows);
            stageStart = System.nanoTime();
        }

        @Override
        public void calibrationIteration(CalibrationResult.Iteration it) {
            progress(out, "calibration iteration %d: max|Δ| %.4f%n", it.number(), it.maxChange());
        }

        @Override
        public void calibrated(CalibrationResult calibration) {
            progress(out, "calibration: %s after %d iterations (%.0f s)%n",
                    calibration.converged() ? "converged" : "not converged", calibration.history().size(), lap());
        }

        @Override
        public void bankEmulated(int size) {
            progress(out, "bank of %d prior draws emulated (%.0f s)%n", size, lap());
        }

        @Override
        public void scored(ConfigurationScore score) {
            progress(out, "%s%n", row(score));
        }

        @Override
        public void passFinished(boolean calibrated) {
            progress(out, "(%s: %.0f s)%n", calibrated ? "zero points" : "no zero points", lap());
        }

        private double lap() {
            long now = System.nanoTime();
            double seconds = (now - stageStart) / 1e9;
            stageStart = now;
            return seconds;
        }
    }

    /** A progress line, shown at once: the run takes minutes. */
    private static void progress(PrintWriter out, String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
        out.flush();
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-34s %5s %6s %8s %8s %8s %7s %7s %9s %8s",
                "configuration", "n", "failed", "bias", "σ_NMAD", "outliers", "cov68", "cov95", "out@z<1", "n_eff");
    }

    private static String row(ConfigurationScore run) {
        PhotozMetrics m = run.metrics();
        return String.format(Locale.ROOT, "%-34s %5d %6d %8.4f %8.4f %8.3f %7.3f %7.3f %9.3f %8.1f",
                run.label(), m.galaxies(), m.failed(), m.bias(), m.sigmaNmad(), m.outlierFraction(), m.coverage68(),
                m.coverage95(), m.outliersBelowZ1(), run.medianDraws());
    }

    private void writeMetrics(List<ConfigurationScore> runs, CalibrationResult calibration) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outputDir.resolve("metrics.csv")));
             PrintWriter txt = new PrintWriter(Files.newBufferedWriter(outputDir.resolve("summary.txt")))) {
            csv.println("configuration,zeropoints,n,failed,bias,sigma_nmad,outlier_fraction,coverage68,coverage95,"
                    + "outlier_share_zphot_below_1,median_effective_draws");
            txt.println("popstream crossval: input " + input.getFileName() + ", split seed " + splitSeed + ", bank "
                    + bankSize + ", calibration bank " + calibrationBank + ", calibration "
                    + (calibration.converged() ? "converged" : "NOT converged") + " after " + calibration.history().size()
                    + " iterations" + (fitErrorFloors ? ", error floors fitted" : ", no error floors"));
            txt.println(header());
            for (ConfigurationScore run : runs) {
                PhotozMetrics m = run.metrics();
                csv.printf(Locale.ROOT, "%s,%s,%d,%d,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.1f%n", run.configuration().name(),
                        run.calibrated(), m.galaxies(), m.failed(), m.bias(), m.sigmaNmad(), m.outlierFraction(),
                        m.coverage68(), m.coverage95(), m.outliersBelowZ1(), run.medianDraws());
                txt.println(row(run));
            }
        }
    }

    private void writeEstimates(ConfigurationScore best, List<GalaxyPhotometry> galaxies, double[] specZ) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outputDir.resolve("best_estimates.csv")))) {
            csv.println("id,spec_z,z_phot,z_p2_5,z_p16,z_p84,z_p97_5,effective_draws");
            for (int i = 0; i < galaxies.size(); i++) {
                RedshiftEstimate e = best.estimates().get(i);
                csv.printf(Locale.ROOT, "%s,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.1f%n", galaxies.get(i).id(), specZ[i],
                        e.median(), e.p2_5(), e.p16(), e.p84(), e.p97_5(), e.effectiveDraws());
            }
        }
    }

    private void plot(ConfigurationScore best, double[] specZ) throws IOException {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < specZ.length; i++) {
            RedshiftEstimate e = best.estimates().get(i);
            if (e.isValid()) {
                x.add(specZ[i]);
                y.add(e.median());
            }
        }
        XYChart chart = new XYChartBuilder().width(800).height(800)
                .title(String.format(Locale.ROOT, "%s: σ_NMAD %.3f, outliers %.1f %%", best.label(),
                        best.metrics().sigmaNmad(), 100 * best.metrics().outlierFraction()))
                .xAxisTitle("z_spec").yAxisTitle("z_phot (posterior median)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(7.0).setYAxisMin(0.0).setYAxisMax(7.0);
        chart.addSeries("held-back galaxies", x, y);
        double[] line = {0, 7};
        chart.addSeries("z_phot = z_spec", line, line).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        double[] lo = {0, 7};
        double[] upper = {0.15, 0.15 + 7 * 1.15};
        double[] lower = {-0.15, -0.15 + 7 * 0.85};
        chart.addSeries("|Δ| = 0.15", lo, upper).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.addSeries("|Δ| = 0.15 ", lo, lower).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        BitmapEncoder.saveBitmap(chart, outputDir.resolve("zphot_vs_zspec.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
