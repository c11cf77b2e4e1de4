package org.popstream.inference.emulator;

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
 * [bands, rows, 128] activations stay small; the input tensor of a full chunk is reused.
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
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;
    private TFloat32 fullChunkInput;

    /**
     * @param weights        the bands to evaluate, in output order
     * @param intraOpThreads TensorFlow intra-op threads (0 = TensorFlow's default, all cores)
     * @param chunkRows      rows per session run
     */
    public TfPhotometryEmulator(List<PhotulatorWeights> weights, int intraOpThreads, int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        PhotulatorGraph emulator = new PhotulatorGraph(weights);
        this.bands = emulator.bands();
        this.chunkRows = chunkRows;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        this.input = tf.withName("inputs").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, EmulatorInputs.COUNT)));
        this.output = emulator.absMagPerMass(tf, input);
        this.session = new Session(graph, ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(1)
                .build());
    }

    public TfPhotometryEmulator(List<PhotulatorWeights> weights, int intraOpThreads) {
        this(weights, intraOpThreads, DEFAULT_CHUNK_ROWS);
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
            TFloat32 in = n == chunkRows ? fullChunkInput() : TFloat32.tensorOf(Shape.of(n, EmulatorInputs.COUNT));
            try {
                in.copyFrom(DataBuffers.of(inputs, true, false)
                        .slice((long) start * EmulatorInputs.COUNT, (long) n * EmulatorInputs.COUNT));
                try (Result result = session.runner().feed(input, in).fetch(output).run()) {
                    ((TFloat32) result.get(0)).copyTo(DataBuffers.of(out, false, false)
                            .slice((long) start * nb, (long) n * nb));
                }
            } finally {
                if (in != fullChunkInput) {
                    in.close();
                }
            }
        }
        return out;
    }

    private TFloat32 fullChunkInput() {
        if (fullChunkInput == null) {
            fullChunkInput = TFloat32.tensorOf(Shape.of(chunkRows, EmulatorInputs.COUNT));
        }
        return fullChunkInput;
    }

    @Override
    public void close() {
        if (fullChunkInput != null) {
            fullChunkInput.close();
        }
        session.close();
        graph.close();
    }
}
