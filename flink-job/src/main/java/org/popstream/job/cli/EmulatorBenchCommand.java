package org.popstream.job.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
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
 * pop-cosmos prior box. Each configuration is warmed up once, then timed over repeated runs; the
 * median is reported.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Benchmark the photometry emulators (band-rows per second).")
public final class EmulatorBenchCommand implements Callable<Integer> {

    /** Lower and upper prior bounds of the 15 inputs (pop_cosmos CatalogueGenerator; sqrt of dust2). */
    private static final double[] LOWER = {-1.98, -5, -5, -5, -5, -5, -5, 0, -1, 0, Math.log(1e-5), Math.log(5), -2, -4, 0};
    private static final double[] UPPER = {0.19, 5, 5, 5, 5, 5, 5, 2, 0.4, 2, Math.log(3), Math.log(150), 0.5, -1, 6};

    @Option(names = "--batches", split = ",", defaultValue = "1000,10000,100000",
            description = "batch sizes in galaxies (default: 1000,10000,100000)")
    int[] batches;

    @Option(names = "--bands", defaultValue = "all", description = "bands (default: all 26)")
    String bands;

    @Option(names = "--threads", defaultValue = "2", description = "TensorFlow intra-op threads (default: 2)")
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
        out.printf("photometry emulator, %d bands, TF intra-op threads %d, chunk %d rows, %d cores visible%n",
                nb, threads, chunk, Runtime.getRuntime().availableProcessors());
        out.printf("%-24s %10s %12s %16s%n", "path", "galaxies", "runs", "band-rows/s");
        try (TfPhotometryEmulator tf = new TfPhotometryEmulator(weights, threads, chunk)) {
            for (int n : batches) {
                float[] inputs = toFloat(draw(n));
                measure(n * nb, () -> tf.absMagPerMass(inputs, n), out, "TF float32 stacked", n);
                out.flush();
            }
        }
        if (!skipJava) {
            JavaPhotometryEmulator java = new JavaPhotometryEmulator(weights);
            for (int n : batches) {
                double[] inputs = draw(n);
                measure(n * nb, () -> java.absMagPerMass(inputs, n), out, "Java double", n);
                out.flush();
            }
        }
        return 0;
    }

    private void measure(long bandRows, Runnable run, PrintWriter out, String label, int n) {
        run.run(); // warm-up: JIT, TF graph optimisation, allocation of reused tensors
        double[] seconds = new double[1000];
        int runs = 0;
        double total = 0;
        while (runs < seconds.length && (runs < 3 || total < minSeconds)) {
            long t0 = System.nanoTime();
            run.run();
            seconds[runs] = (System.nanoTime() - t0) / 1e9;
            total += seconds[runs++];
        }
        double[] timed = Arrays.copyOf(seconds, runs);
        Arrays.sort(timed);
        out.printf("%-24s %10d %12d %16.0f%n", label, n, runs, bandRows / timed[runs / 2]);
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
