package org.popstream.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.model.PhotulatorWeights;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.sampler.EarlyStopRule;
import org.popstream.inference.sampler.GalaxyRandomStream;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.inference.sampler.StretchMoveSampler;
import org.popstream.inference.settings.FitOptions;
import org.popstream.inference.tensor.FlatTensors;
import org.popstream.inference.tensor.SessionFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code popstream bench sampler}: wall-clock and CPU seconds per galaxy of the ensemble sampler on
 * the real 26-band posterior, over a grid of (walkers, steps, batch); the emulator's achieved
 * GFLOP/s; and the machine's TensorFlow matmul peak measured on the emulator's own shapes. Walkers
 * start from prior draws: the cost per step does not depend on where they are. Initialisation is
 * not included (see {@code fit}).
 */
@Command(name = "sampler",
        modelTransformer = SettingOptions.Transformer.class, mixinStandardHelpOptions = true,
        description = "Benchmark the batched stretch-move sampler (seconds per galaxy, GFLOP/s vs TF matmul peak).")
public final class SamplerBenchCommand implements Callable<Integer> {

    /** FLOP of one band of one emulator evaluation: 15→128, three 128→128, 128→1 (multiply-add = 2). */
    static final double FLOP_PER_BAND_EVALUATION = 2.0 * (15 * 128 + 3 * 128 * 128 + 128);

    @Option(names = "--grid-walkers", split = ",", defaultValue = "32,64", description = "walker counts (default: 32,64)")
    int[] gridWalkers;

    @Option(names = "--grid-steps", split = ",", defaultValue = "50", description = "steps per run (default: 50)")
    int[] gridSteps;

    @Option(names = "--grid-batch", split = ",", defaultValue = "64,256", description = "galaxies per batch (default: 64,256)")
    int[] gridBatch;

    @Option(names = "--target-steps", defaultValue = "1000", description = "steps to extrapolate the per-galaxy time to (default: 1000)")
    int targetSteps;

    @Mixin
    FitArguments fit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FittingContext context = fit.open(0);
        int bands = context.model().bands().size();
        double peak = matmulPeakGflops(fit.get(FitOptions.THREADS));
        out.printf("stretch-move sampler, %d bands, TF intra-op threads %d, %d cores visible, %d steps per run%n",
                bands, fit.get(FitOptions.THREADS), Runtime.getRuntime().availableProcessors(), fit.get(FitOptions.STEPS_PER_RUN));
        out.printf("TF matmul peak ([%d, 8192, 128] x [%d, 128, 128] BatchMatMul): %.1f GFLOP/s%n", bands, bands, peak);
        out.printf("%8s %7s %7s %12s %12s %12s %14s %10s %12s%n", "walkers", "steps", "batch", "wall s/gal", "cpu s/gal",
                "galaxies/s", "wall s/gal@" + targetSteps, "GFLOP/s", "% of peak");
        for (int walkers : gridWalkers) {
            for (int steps : gridSteps) {
                for (int batch : gridBatch) {
                    Row r = run(context, walkers, steps, batch);
                    out.printf("%8d %7d %7d %12.4f %12.4f %12.2f %14.3f %10.1f %12.1f%n", walkers, steps, batch,
                            r.wallPerGalaxy, r.cpuPerGalaxy, 1 / r.wallPerGalaxy, r.wallPerGalaxy * targetSteps / steps,
                            r.gflops, 100 * r.gflops / peak);
                    out.flush();
                }
            }
        }
        return 0;
    }

    private record Row(double wallPerGalaxy, double cpuPerGalaxy, double gflops) {}

    private Row run(FittingContext context, int walkers, int steps, int batch) {
        SamplerSettings settings = new SamplerSettings(walkers, steps, 0, steps, Math.min(fit.get(FitOptions.STEPS_PER_RUN), steps), false, 50);
        List<String> ids = new ArrayList<>();
        List<GalaxyPhotometry> galaxies = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        int dim = ParameterSpace.DIMENSION;
        float[] init = new float[walkers * batch * dim];
        for (int g = 0; g < batch; g++) {
            ids.add("bench-" + g);
            List<GalaxyPhotometry.BandFlux> fluxes = new ArrayList<>();
            for (String band : context.model().bandNames()) {
                fluxes.add(GalaxyPhotometry.BandFlux.detection(band, 1 + random.nextDouble(), 0.1));
            }
            galaxies.add(new GalaxyPhotometry(ids.get(g), fluxes, java.util.Map.of()));
            for (int w = 0; w < walkers; w++) {
                double[] theta = context.prior().sample(random);
                for (int d = 0; d < dim; d++) {
                    init[(w * batch + g) * dim + d] = (float) theta[d];
                }
            }
        }
        ObservedPhotometry obs = ObservedPhotometry.of(galaxies, context.model().bandNames());
        try (StretchMoveSampler<ObservedPhotometry> sampler =
                     new StretchMoveSampler<>(context.posterior(), settings, batch, fit.get(FitOptions.THREADS))) {
            sample(sampler, obs, init, ids); // warm-up: graph optimisation, allocations
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            sample(sampler, obs, init, ids);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            double evaluations = (double) walkers * steps * batch;
            double flop = evaluations * context.model().bands().size() * FLOP_PER_BAND_EVALUATION;
            return new Row(wall / batch, cpu / batch, flop / wall / 1e9);
        }
    }

    private void sample(StretchMoveSampler<ObservedPhotometry> sampler, ObservedPhotometry obs, float[] init, List<String> ids) {
        List<GalaxyRandomStream> streams = ids.stream().map(id -> GalaxyRandomStream.of(fit.get(FitOptions.SEED), id, "mcmc")).toList();
        sampler.sample(obs, init, streams, EarlyStopRule.NEVER, StretchMoveSampler.Progress.NONE);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** GFLOP/s of the emulator's hidden-layer product alone, the best any emulator graph can reach here. */
    static double matmulPeakGflops(int threads) {
        int bands = 26;
        int rows = 8192;
        int h = PhotulatorWeights.HIDDEN;
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            SplittableRandom random = new SplittableRandom(2);
            float[] a = new float[bands * rows * h];
            float[] b = new float[bands * h * h];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (random.nextGaussian() / h);
            }
            try (TFloat32 at = FlatTensors.of(a, bands, rows, h); TFloat32 bt = FlatTensors.of(b, bands, h, h)) {
                var pa = tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(bands, rows, h)));
                Operand<TFloat32> x = pa;
                Operand<TFloat32> w = tf.constant(Shape.of(bands, h, h), org.tensorflow.ndarray.buffer.DataBuffers.of(b));
                for (int k = 0; k < 4; k++) {
                    x = tf.train.batchMatMul(x, w, TFloat32.class);
                }
                Operand<TFloat32> sum = tf.reduceSum(x, tf.constant(new int[] {0, 1, 2}));
                try (Session s = SessionFactory.open(g, threads)) {
                    s.runner().feed(pa, at).fetch(sum).run().close();
                    double best = 0;
                    for (int rep = 0; rep < 5; rep++) {
                        long t0 = System.nanoTime();
                        s.runner().feed(pa, at).fetch(sum).run().close();
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        best = Math.max(best, 4.0 * 2 * bands * rows * (double) h * h / seconds / 1e9);
                    }
                    return best;
                }
            }
        }
    }
}
