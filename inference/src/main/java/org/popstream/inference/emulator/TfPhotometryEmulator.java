package org.popstream.inference.emulator;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.PhotulatorWeights;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The stacked float32 {@link PhotulatorGraph} in its own graph and session, for plain batch
 * evaluation. Large batches run in chunks of {@code chunkRows} rows so the intermediate
 * [bands, rows, 128] activations stay small.
 *
 * <p>Cores are used by data parallelism, not op parallelism: the graph holds one branch per core
 * (lane), each chunk is split between the lanes, and the session runs the branches on separate
 * inter-op threads with single-threaded ops. Measured on the 2-core machine (10k × 26 bands), one
 * branch with 2 intra-op threads reached 1.1–1.2 M band-rows/s, i.e. only 1.8 cores' worth of a
 * single thread's 0.77 M: every op of the graph is split and joined again, and the elementwise ops
 * are too short to hide the hand-over. Two single-threaded lanes reach 1.4–1.7 M.
 *
 * <p>Not thread-safe (one instance per thread); close it to free the native session.
 */
public final class TfPhotometryEmulator implements PhotometryEmulator {

    /** Default rows per session run: large enough to amortise the run overhead, small enough for cache. */
    public static final int DEFAULT_CHUNK_ROWS = 2048;

    private final List<Band> bands;
    private final int chunkRows;
    private final Graph graph;
    private final Session session;
    private final List<Placeholder<TFloat32>> laneInputs;
    private final List<Operand<TFloat32>> laneOutputs;

    /**
     * @param weights   the bands to evaluate, in output order
     * @param lanes     cores to use: independent single-threaded branches of the graph
     * @param chunkRows rows per session run, shared between the lanes
     */
    public TfPhotometryEmulator(List<PhotulatorWeights> weights, int lanes, int chunkRows) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be positive, got " + lanes);
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        PhotulatorGraph emulator = new PhotulatorGraph(weights);
        this.bands = emulator.bands();
        this.chunkRows = chunkRows;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        List<Placeholder<TFloat32>> inputs = new ArrayList<>();
        for (int k = 0; k < lanes; k++) {
            inputs.add(tf.withName("inputs_" + k).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, EmulatorInputs.COUNT))));
        }
        this.laneInputs = List.copyOf(inputs);
        this.laneOutputs = emulator.absMagPerMass(tf, laneInputs);
        this.session = new Session(graph, ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(lanes)
                .build());
    }

    public TfPhotometryEmulator(List<PhotulatorWeights> weights, int lanes) {
        this(weights, lanes, DEFAULT_CHUNK_ROWS);
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public double[] absMagPerMass(double[] inputs, int rows) {
        float[] f = new float[rows * EmulatorInputs.COUNT];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) inputs[i];
        }
        float[] out = absMagPerMass(f, rows);
        double[] d = new double[out.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = out[i];
        }
        return d;
    }

    /**
     * The float32 fast path.
     *
     * @param inputs row-major [rows × 15]
     * @return row-major [rows × bands]
     */
    public float[] absMagPerMass(float[] inputs, int rows) {
        if (inputs.length < rows * EmulatorInputs.COUNT) {
            throw new IllegalArgumentException("need " + rows * EmulatorInputs.COUNT + " inputs, got " + inputs.length);
        }
        int nb = bands.size();
        float[] out = new float[rows * nb];
        for (int start = 0; start < rows; start += chunkRows) {
            int n = Math.min(chunkRows, rows - start);
            int used = Math.min(laneInputs.size(), n);
            // lane k takes rows [first[k], first[k + 1])
            int[] first = new int[used + 1];
            for (int k = 0; k <= used; k++) {
                first[k] = start + (int) ((long) n * k / used);
            }
            List<TFloat32> fed = new ArrayList<>(used);
            try {
                Session.Runner runner = session.runner();
                for (int k = 0; k < used; k++) {
                    int m = first[k + 1] - first[k];
                    TFloat32 in = TFloat32.tensorOf(Shape.of(m, EmulatorInputs.COUNT));
                    fed.add(in);
                    in.copyFrom(DataBuffers.of(inputs, true, false)
                            .slice((long) first[k] * EmulatorInputs.COUNT, (long) m * EmulatorInputs.COUNT));
                    runner.feed(laneInputs.get(k), in).fetch(laneOutputs.get(k));
                }
                try (Result result = runner.run()) {
                    for (int k = 0; k < used; k++) {
                        ((TFloat32) result.get(k)).copyTo(DataBuffers.of(out, false, false)
                                .slice((long) first[k] * nb, (long) (first[k + 1] - first[k]) * nb));
                    }
                }
            } finally {
                fed.forEach(TFloat32::close);
            }
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
