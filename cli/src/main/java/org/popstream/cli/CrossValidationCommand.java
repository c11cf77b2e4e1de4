package org.popstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.popstream.inference.calibration.BandCalibration;
import org.popstream.inference.calibration.CalibrationResult;
import org.popstream.inference.calibration.CalibrationSettings;
import org.popstream.inference.calibration.TemplateBankFitter;
import org.popstream.inference.calibration.ZeroPointCalibrator;
import org.popstream.inference.calibration.ZeroPointTable;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.photoz.BankRedshiftEstimator;
import org.popstream.inference.photoz.PhotozMetrics;
import org.popstream.inference.photoz.RedshiftEstimate;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.population.BetaPrior;
import org.popstream.inference.prior.population.MassArgument;
import org.popstream.inference.prior.population.PopulationTerm;
import org.popstream.catalogue.Survey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream crossval}: the evidence for the prior and calibration defaults (issue 7). Splits a
 * spectroscopic catalogue in two halves by a fixed seed, calibrates zero points on one half, and
 * measures photo-z quality on the other for the analytic prior, each population term alone, all terms,
 * each with and without the calibration. Redshifts come from {@link BankRedshiftEstimator} (one shared
 * importance-sampling bank), so every configuration sees exactly the same draws.
 */
@Command(
        name = "crossval",
        mixinStandardHelpOptions = true,
        description = {
            "Cross-validated photo-z evidence: calibrate on half of a spec-z catalogue, fit the other half with",
            "the analytic prior and each population-prior term, with and without zero points. Writes metrics.csv,",
            "summary.txt, zeropoints.csv, the best configuration's estimates and a z_phot vs z_spec PNG."
        })
public final class CrossValidationCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "SPECZ.csv", description = "Catalogue with spec_z.")
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

    private record Configuration(String name, Set<PopulationTerm> terms) {}

    private record Run(Configuration configuration, boolean calibrated, PhotozMetrics metrics, double medianDraws,
            List<RedshiftEstimate> estimates) {}

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(outputDir);
        TrainingSet all = TrainingSet.read(input, Survey.COSMOS2020, "spec_z", spec.commandLine().getErr());
        int[] order = IntStream.range(0, all.galaxies().size()).toArray();
        SplittableRandom random = new SplittableRandom(splitSeed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int half = order.length / 2;
        List<GalaxyPhotometry> trainGalaxies = new ArrayList<>();
        List<GalaxyPhotometry> testGalaxies = new ArrayList<>();
        double[] trainZ = new double[half];
        double[] testZ = new double[order.length - half];
        for (int i = 0; i < order.length; i++) {
            GalaxyPhotometry g = all.galaxies().get(order[i]);
            if (i < half) {
                trainZ[trainGalaxies.size()] = all.redshifts()[order[i]];
                trainGalaxies.add(g);
            } else {
                testZ[testGalaxies.size()] = all.redshifts()[order[i]];
                testGalaxies.add(g);
            }
        }
        progress(out, "split seed %d: %d calibration galaxies, %d held back (%d rows skipped)%n",
                splitSeed, trainGalaxies.size(), testGalaxies.size(), all.rejected());

        PhotometryModel model = PhotometryModel.load(ModelDirectory.resolve(models), CosmosBands.ALL);
        AnalyticPrior analytic = new AnalyticPrior(AnalyticPriorSettings.DEFAULT);

        long start = System.nanoTime();
        CalibrationResult calibration;
        try (TemplateBankFitter fitter = new TemplateBankFitter(model, analytic, calibrationBank, splitSeed, threads)) {
            calibration = new ZeroPointCalibrator(fitter, new CalibrationSettings(maxIterations, tolerance, 5.0,
                    CalibrationSettings.DEFAULT_REFERENCE_BAND, fitErrorFloors))
                    .calibrate(model.bandNames(), trainGalaxies, trainZ, it -> progress(out,
                            "calibration iteration %d: max|Δ| %.4f%n", it.number(), it.maxChange()));
        }
        ZeroPointTable.write(outputDir.resolve("zeropoints.csv"), calibration.estimates());
        progress(out, "calibration: %s after %d iterations (%.0f s)%n",
                calibration.converged() ? "converged" : "not converged", calibration.history().size(), seconds(start));

        start = System.nanoTime();
        BankRedshiftEstimator estimator = new BankRedshiftEstimator(model, analytic, bankSize, splitSeed ^ 0xBA4CL, threads);
        progress(out, "bank of %d prior draws emulated (%.0f s)%n", bankSize, seconds(start));

        List<Configuration> configurations = List.of(
                new Configuration("analytic", Set.of()),
                new Configuration("beta:zmass", EnumSet.of(PopulationTerm.ZMASS)),
                new Configuration("beta:mzr", EnumSet.of(PopulationTerm.MZR)),
                new Configuration("beta:sfh", EnumSet.of(PopulationTerm.SFH)),
                new Configuration("beta:zmass,mzr,sfh", EnumSet.allOf(PopulationTerm.class)));
        BandCalibration identity = BandCalibration.identity(model.bandNames());
        // each prior as its log density ratio to the analytic bank's proposal
        List<ToDoubleFunction<double[]>> priors = new ArrayList<>();
        for (Configuration configuration : configurations) {
            priors.add(configuration.terms().isEmpty() ? theta -> 0.0
                    : BetaPrior.create(AnalyticPriorSettings.DEFAULT, configuration.terms(), MassArgument.FORMED)::logDensityRatioToAnalytic);
        }
        List<Run> runs = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (BandCalibration cal : List.of(identity, calibration.calibration())) {
                start = System.nanoTime();
                // [galaxy][prior]: the likelihood is profiled once per galaxy and re-weighted per prior
                List<List<RedshiftEstimate>> perGalaxy = pool.submit(() -> IntStream.range(0, testGalaxies.size()).parallel()
                        .mapToObj(i -> estimator.estimate(testGalaxies.get(i), priors, cal)).toList()).get();
                for (int c = 0; c < configurations.size(); c++) {
                    int column = c;
                    List<RedshiftEstimate> estimates = perGalaxy.stream().map(e -> e.get(column)).toList();
                    PhotozMetrics metrics = PhotozMetrics.of(estimates, testZ);
                    double medianDraws = estimates.stream().filter(RedshiftEstimate::isValid)
                            .mapToDouble(RedshiftEstimate::effectiveDraws).sorted().skip(metrics.galaxies() / 2).findFirst().orElse(0);
                    Run run = new Run(configurations.get(c), cal != identity, metrics, medianDraws, estimates);
                    runs.add(run);
                    progress(out, "%s%n", row(run));
                }
                progress(out, "(%s: %.0f s)%n", cal == identity ? "no zero points" : "zero points", seconds(start));
            }
        } finally {
            pool.shutdown();
        }
        Run best = runs.stream().min((a, b) -> a.metrics().outlierFraction() != b.metrics().outlierFraction()
                ? Double.compare(a.metrics().outlierFraction(), b.metrics().outlierFraction())
                : Double.compare(a.metrics().sigmaNmad(), b.metrics().sigmaNmad())).orElseThrow();
        writeMetrics(runs, calibration);
        writeEstimates(best, testGalaxies, testZ);
        plot(best, testZ);
        progress(out, "best: %s → %s%n", label(best), outputDir.resolve("zphot_vs_zspec.png"));
        return 0;
    }

    /** A progress line, shown at once: the run takes minutes. */
    private static void progress(PrintWriter out, String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
        out.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String label(Run run) {
        return run.configuration().name() + (run.calibrated() ? " + zeropoints" : "");
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-34s %5s %6s %8s %8s %8s %7s %7s %9s %8s",
                "configuration", "n", "failed", "bias", "σ_NMAD", "outliers", "cov68", "cov95", "out@z<1", "n_eff");
    }

    private static String row(Run run) {
        PhotozMetrics m = run.metrics();
        return String.format(Locale.ROOT, "%-34s %5d %6d %8.4f %8.4f %8.3f %7.3f %7.3f %9.3f %8.1f",
                label(run), m.galaxies(), m.failed(), m.bias(), m.sigmaNmad(), m.outlierFraction(), m.coverage68(),
                m.coverage95(), m.outliersBelowZ1(), run.medianDraws());
    }

    private void writeMetrics(List<Run> runs, CalibrationResult calibration) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outputDir.resolve("metrics.csv")));
             PrintWriter txt = new PrintWriter(Files.newBufferedWriter(outputDir.resolve("summary.txt")))) {
            csv.println("configuration,zeropoints,n,failed,bias,sigma_nmad,outlier_fraction,coverage68,coverage95,"
                    + "outlier_share_zphot_below_1,median_effective_draws");
            txt.println("popstream crossval: input " + input.getFileName() + ", split seed " + splitSeed + ", bank "
                    + bankSize + ", calibration bank " + calibrationBank + ", calibration "
                    + (calibration.converged() ? "converged" : "NOT converged") + " after " + calibration.history().size()
                    + " iterations" + (fitErrorFloors ? ", error floors fitted" : ", no error floors"));
            txt.println(header());
            for (Run run : runs) {
                PhotozMetrics m = run.metrics();
                csv.printf(Locale.ROOT, "%s,%s,%d,%d,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.1f%n", run.configuration().name(),
                        run.calibrated(), m.galaxies(), m.failed(), m.bias(), m.sigmaNmad(), m.outlierFraction(),
                        m.coverage68(), m.coverage95(), m.outliersBelowZ1(), run.medianDraws());
                txt.println(row(run));
            }
        }
    }

    private void writeEstimates(Run best, List<GalaxyPhotometry> galaxies, double[] specZ) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(outputDir.resolve("best_estimates.csv")))) {
            csv.println("id,spec_z,z_phot,z_p2_5,z_p16,z_p84,z_p97_5,effective_draws");
            for (int i = 0; i < galaxies.size(); i++) {
                RedshiftEstimate e = best.estimates().get(i);
                csv.printf(Locale.ROOT, "%s,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.1f%n", galaxies.get(i).id(), specZ[i],
                        e.median(), e.p2_5(), e.p16(), e.p84(), e.p97_5(), e.effectiveDraws());
            }
        }
    }

    private void plot(Run best, double[] specZ) throws IOException {
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
                .title(String.format(Locale.ROOT, "%s: σ_NMAD %.3f, outliers %.1f %%", label(best),
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
