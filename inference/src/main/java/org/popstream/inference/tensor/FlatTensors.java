package org.popstream.inference.tensor;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Moves row-major float arrays in and out of TensorFlow without per-element calls: the batched
 * sampler exchanges megabytes per run, so element-wise {@code getFloat} would dominate.
 */
public final class FlatTensors {
    private FlatTensors() {}

    public static TFloat32 of(float[] rowMajor, long... shape) {
        Shape s = Shape.of(shape);
        if (s.size() != rowMajor.length) {
            throw new IllegalArgumentException("shape " + s + " needs " + s.size() + " values, got " + rowMajor.length);
        }
        return TFloat32.tensorOf(s, DataBuffers.of(rowMajor, true, false));
    }

    public static float[] read(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
