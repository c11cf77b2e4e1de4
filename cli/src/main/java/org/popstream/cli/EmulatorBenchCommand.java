package org.popstream.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.inference.emulator.JavaPhotometryEmulator;
import org.popstream.inference.emulator.TfPhotometryEmulator;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.PhotulatorWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream bench emulator}: band-rows per second of the stacked TensorFlow float32 graph and
 * of the plain-Java double path, for batches of parameter vectors drawn uniformly inside the
 * pop-cosmos prior box. Each configuration is warmed up, then timed over repeated runs (at least one,
 * until --min-seconds have passed); the median wall-clock rate is reported, with the rate per
 * CPU-second of the process.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Benchmark the photometry emulators (band-rows per second).")
public final class EmulatorBenchCommand implements Callable<Integer> {

    /** Lower and upper prior bounds of the 15 inputs (pop_cosmos CatalogueGenerator; sqrt of dust2). */
    private static final double[] LOWER = {-1.98, -5, -5, -5, -5, -5, -5, 0, -1, 0, Math.log(1e-5), Math.log(5), -2, -4, 0};
    private static final double[] UPPER = {0.19, 5, 5, 5, 5, 5, 5, 2, 0.4, 2, Math.log(3), Math.log(150), 0.5, -1, 6};

    private static final int WARM_UP_ROWS = 10_000;

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Option(names = "--batches", split = ",", defaultValue = "1000,10000,100000",
            description = "batch sizes in galaxies (default: 1000,10000,100000)")
    int[] batches;

    @Option(names = "--bands", defaultValue = "all", description = "bands (default: all 26)")
    String bands;

    @Option(names = "--threads", defaultValue = "2",
            description = "cores for the TensorFlow path: single-threaded graph branches run side by side (default: 2)")
    int threads;

    @Option(names = "--chunk", defaultValue = "" + TfPhotometryEmulator.DEFAULT_CHUNK_ROWS,
            description = "rows per TensorFlow session run (default: ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--min-seconds", defaultValue = "3", description = "timed seconds per configuration (default: 3)")
    double minSeconds;

    @Option(names = "--skip-java", description = "benchmark only the TensorFlow graph")
    boolean skipJava;

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory")
    Path models;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Band> chosen = CosmosBands.parse(bands);
        List<PhotulatorWeights> weights = PhotulatorWeights.read(ModelDirectory.resolve(models), chosen);
        int nb = chosen.size();
        out.printf("photometry emulator, %d bands, TF lanes (single-threaded branches) %d, chunk %d rows, %d cores visible%n",
                nb, threads, chunk, Runtime.getRuntime().availableProcessors());
        // wall-clock rate, and the rate per CPU-second of this process (all threads, native ones included),
        // which stays meaningful when other processes compete for the cores
        out.printf("%-24s %10s %6s %16s %18s%n", "path", "galaxies", "runs", "band-rows/s", "band-rows/cpu-s");
        try (TfPhotometryEmulator tf = new TfPhotometryEmulator(weights, threads, chunk)) {
            for (int n : batches) {
                float[] inputs = toFloat(draw(n));
                measure(nb, n, rows -> tf.absMagPerMass(inputs, rows), out, "TF float32 stacked");
                out.flush();
            }
        }
        if (!skipJava) {
            JavaPhotometryEmulator java = new JavaPhotometryEmulator(weights);
            for (int n : batches) {
                double[] inputs = draw(n);
                measure(nb, n, rows -> java.absMagPerMass(inputs, rows), out, "Java double");
                out.flush();
            }
        }
        return 0;
    }

    private void measure(int bands, int n, IntConsumer evaluate, PrintWriter out, String label) {
        // warm-up (JIT, TF graph optimisation, reused tensors) on at most WARM_UP_ROWS rows
        evaluate.accept(Math.min(n, WARM_UP_ROWS));
        long bandRows = (long) n * bands;
        double[] seconds = new double[1000];
        int runs = 0;
        double total = 0;
        long cpuStart = PROCESS.getProcessCpuTime();
        while (runs < seconds.length && (runs == 0 || total < minSeconds)) {
            long t0 = System.nanoTime();
            evaluate.accept(n);
            seconds[runs] = (System.nanoTime() - t0) / 1e9;
            total += seconds[runs++];
        }
        double cpuSeconds = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9;
        double[] timed = Arrays.copyOf(seconds, runs);
        Arrays.sort(timed);
        out.printf("%-24s %10d %6d %16.0f %18.0f%n", label, n, runs, bandRows / timed[runs / 2],
                bandRows * runs / cpuSeconds);
    }

    private static double[] draw(int n) {
        SplittableRandom random = new SplittableRandom(20250617L);
        double[] x = new double[n * EmulatorInputs.COUNT];
        for (int i = 0; i < x.length; i++) {
            int c = i % EmulatorInputs.COUNT;
            x[i] = LOWER[c] + random.nextDouble() * (UPPER[c] - LOWER[c]);
        }
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
