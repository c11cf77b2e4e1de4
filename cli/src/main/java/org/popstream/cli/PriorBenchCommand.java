package org.popstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.popstream.inference.diffusion.DiffusionLogDensity;
import org.popstream.inference.diffusion.DiffusionModel;
import org.popstream.inference.diffusion.DiffusionSampler;
import org.popstream.inference.diffusion.HutchinsonSpread;
import org.popstream.inference.diffusion.LogDensityResult;
import org.popstream.inference.diffusion.ProbabilityFlow;
import org.popstream.inference.diffusion.SolverSettings;
import org.popstream.inference.diffusion.TraceMode;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.Prior;
import org.popstream.inference.prior.learned.LearnedPrior;
import org.popstream.inference.prior.learned.LearnedPriorSettings;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream bench prior}: log-density evaluations per second of a learned (diffusion)
 * population prior, by method, batch size and tolerance, each with its accuracy against a tight
 * adaptive reference (rtol = atol = 1e-10) on the same points, which are the model's own samples:
 * <ul>
 *   <li>adaptive Dormand–Prince 5(4), exact trace (the reference method), per tolerance and batch;
 *   <li>the same with Hutchinson's trace estimator, and the estimator's spread over probe seeds;
 *   <li>the in-graph fixed-grid RK4 the MCMC target uses, per number of steps, next to the analytic
 *       prior's graph on the same batch (the relative cost of the prior inside a fit).
 * </ul>
 * Each configuration is warmed up once and timed until {@code --min-seconds}; the median run is reported.
 */
@Command(name = "prior", mixinStandardHelpOptions = true,
        description = "Benchmark the learned (diffusion) prior: log-densities per second vs method, batch and tolerance.")
public final class PriorBenchCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE",
            description = "flowfusion population model (default: the synthetic test-diffusion/population_vp.pt next to the models)")
    Path model;

    @Option(names = "--batches", split = ",", defaultValue = "1,16,128", description = "batch sizes (default: ${DEFAULT-VALUE})")
    int[] batches;

    @Option(names = "--tolerances", split = ",", defaultValue = "1e-5,1e-6,1e-8",
            description = "rtol = atol of the adaptive solver (default: ${DEFAULT-VALUE})")
    double[] tolerances;

    @Option(names = "--grid-steps", split = ",", defaultValue = "32,64,128",
            description = "RK4 steps of the in-graph density (default: ${DEFAULT-VALUE})")
    int[] gridSteps;

    @Option(names = "--hutchinson-seeds", defaultValue = "16",
            description = "probe seeds for the Hutchinson spread (default: ${DEFAULT-VALUE})")
    int hutchinsonSeeds;

    @Option(names = "--min-seconds", defaultValue = "2", description = "timed seconds per configuration (default: ${DEFAULT-VALUE})")
    double minSeconds;

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory")
    Path models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = model != null ? model
                : ModelDirectory.resolve(models).root().resolveSibling("test-diffusion").resolve("population_vp.pt");
        int largest = Arrays.stream(batches).max().orElse(1);
        try (LearnedPrior prior = LearnedPrior.load(file, new AnalyticPrior().bounds(), LearnedPriorSettings.DEFAULT);
                ProbabilityFlow flow = new ProbabilityFlow(prior.loaded().model())) {
            DiffusionModel diffusion = prior.loaded().model();
            out.println(prior.loaded().report());
            out.printf("%d cores visible; accuracy = max |log p − log p(rtol=atol=1e-10)| over the batch%n",
                    Runtime.getRuntime().availableProcessors());
            double[][] points = new DiffusionSampler(flow, SolverSettings.ACCURATE).sample(largest, 20250617L).samples();
            double[] reference = new DiffusionLogDensity(flow, SolverSettings.of(1e-10)).logDensity(points).logDensity();

            out.printf("%n%-34s %7s %9s %12s %10s %12s%n", "method", "batch", "tolerance", "densities/s", "mean nfev", "accuracy");
            for (double tolerance : tolerances) {
                for (int batch : batches) {
                    double[][] x = Arrays.copyOf(points, batch);
                    DiffusionLogDensity density = new DiffusionLogDensity(flow, SolverSettings.of(tolerance));
                    LogDensityResult result = density.logDensity(x);
                    double seconds = medianSeconds(() -> density.logDensity(x));
                    out.printf("%-34s %7d %9.0e %12.1f %10.0f %12.2e%n", "adaptive dopri5, exact trace", batch, tolerance,
                            batch / seconds, mean(result.evaluations()), maxError(result.logDensity(), reference));
                    out.flush();
                }
            }
            hutchinson(out, flow, points, reference);
            inGraph(out, prior, largest);
        }
        return 0;
    }

    private void hutchinson(PrintWriter out, ProbabilityFlow flow, double[][] points, double[] reference) {
        double tolerance = tolerances[tolerances.length - 1];
        int batch = points.length;
        HutchinsonSpread spread = HutchinsonSpread.measure(flow, SolverSettings.of(tolerance), points, reference, hutchinsonSeeds);
        DiffusionLogDensity density = new DiffusionLogDensity(flow, SolverSettings.of(tolerance), TraceMode.HUTCHINSON, 99);
        double seconds = medianSeconds(() -> density.logDensity(points));
        out.printf("%-34s %7d %9.0e %12.1f %10.0f %12s%n", "adaptive dopri5, Hutchinson (1 probe)", batch, tolerance,
                batch / seconds, spread.meanEvaluations(), "see below");
        out.printf("  Hutchinson over %d probe seeds: std of log p per point median %.3g, max %.3g; mean (estimate − exact) %.3g%n",
                hutchinsonSeeds, spread.medianStandardDeviation(), spread.maxStandardDeviation(), spread.meanError());
        out.flush();
    }

    /** The prior as the sampler sees it: float32 θ in, ops in a graph; learned (fixed grid) vs analytic. */
    private void inGraph(PrintWriter out, LearnedPrior learned, int batch) {
        double[][] thetas = learned.sampleBank(batch, new SplittableRandom(5));
        for (double[] theta : thetas) {
            for (int j = 0; j < theta.length; j++) {
                theta[j] = (float) theta[j]; // the sampler's precision; the reference then sees the same points
            }
        }
        double[] reference = learned.logDensities(thetas);
        out.printf("%nprior inside the sampler's graph (float32 θ in the box, batch %d; accuracy against the adaptive 1e-8 path"
                + " at the same float32 θ)%n", batch);
        out.printf("%-34s %7s %12s   %s%n", "prior", "steps", "densities/s", "accuracy");
        double analytic = graphRate(out, new AnalyticPrior(), thetas, null, "analytic", 0);
        for (int steps : gridSteps) {
            LearnedPriorSettings settings = new LearnedPriorSettings(steps, SolverSettings.ACCURATE, LearnedPriorSettings.DEFAULT.mapping());
            try (LearnedPrior prior = LearnedPrior.load(learned.loaded().file(), learned.bounds(), settings)) {
                double rate = graphRate(out, prior, thetas, reference, "learned, fixed-grid RK4", steps);
                out.printf("  cost relative to the analytic prior: %.0f×%n", analytic / rate);
            }
            out.flush();
        }
    }

    private double graphRate(PrintWriter out, Prior prior, double[][] thetas, double[] reference, String label, int steps) {
        int n = thetas.length;
        float[] flat = new float[n * 16];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 16; j++) {
                flat[i * 16 + j] = (float) thetas[i][j];
            }
        }
        try (Graph graph = new Graph(); Session session = new Session(graph);
                TFloat32 input = TFloat32.tensorOf(Shape.of(n, 16), DataBuffers.of(flat, true, false))) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> theta = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16)));
            Operand<TFloat32> logp = prior.logDensity(tf, theta);
            float[] values = new float[n];
            Runnable run = () -> {
                try (var result = session.runner().feed(theta, input).fetch(logp).run()) {
                    ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
                }
            };
            double seconds = medianSeconds(run);
            String accuracy = "-";
            if (reference != null) {
                List<Double> errors = new ArrayList<>();
                int edge = 0;
                for (int i = 0; i < n; i++) {
                    if (Double.isFinite(values[i]) && Double.isFinite(reference[i])) {
                        errors.add(Math.abs(values[i] - reference[i]));
                    } else if (values[i] != reference[i]) {
                        edge++;
                    }
                }
                errors.sort(null);
                accuracy = errors.isEmpty() ? "none finite" : String.format("max %.2e, median %.2e; %d points −∞ in one path only",
                        errors.get(errors.size() - 1), errors.get(errors.size() / 2), edge);
            }
            out.printf("%-34s %7s %12.1f   %s%n", label, steps == 0 ? "-" : String.valueOf(steps), n / seconds, accuracy);
            return n / seconds;
        }
    }

    private double medianSeconds(Runnable run) {
        run.run(); // warm-up: JIT, TF graph optimisation
        List<Double> seconds = new ArrayList<>();
        double total = 0;
        while (seconds.size() < 3 || total < minSeconds) {
            long t0 = System.nanoTime();
            run.run();
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.add(s);
            total += s;
        }
        seconds.sort(null);
        return seconds.get(seconds.size() / 2);
    }

    private static double mean(int[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double maxError(double[] values, double[] reference) {
        double worst = 0;
        for (int i = 0; i < values.length; i++) {
            worst = Math.max(worst, Math.abs(values[i] - reference[i]));
        }
        return worst;
    }
}
