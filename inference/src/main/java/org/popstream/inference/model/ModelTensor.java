package org.popstream.inference.model;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A tensor read from a model file: row-major, contiguous. Values are held as doubles; float32
 * values widen exactly, so {@link #floatValues()} gives back the stored bits.
 *
 * @param type   element type as stored
 * @param shape  dimensions (empty for a scalar)
 * @param values row-major values
 */
public record ModelTensor(ElementType type, int[] shape, double[] values) {

    public ModelTensor {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return values.length;
    }

    /** The single value of a scalar or one-element tensor. */
    public double scalar() {
        if (values.length != 1) {
            throw new IllegalStateException("not a scalar: shape " + Arrays.toString(shape));
        }
        return values[0];
    }

    public float[] floatValues() {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Rows of a rank-2 tensor. */
    public double[][] matrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("not a matrix: shape " + Arrays.toString(shape));
        }
        double[][] m = new double[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) {
            System.arraycopy(values, r * shape[1], m[r], 0, shape[1]);
        }
        return m;
    }

    /** Checks the shape, naming the file and the tensor when it differs. */
    public ModelTensor requireShape(Path file, String what, int... expected) {
        if (!Arrays.equals(shape, expected)) {
            throw new ModelFileException(file, "tensor " + what + " has shape " + Arrays.toString(shape)
                    + ", expected " + Arrays.toString(expected));
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelTensor t && type == t.type && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ModelTensor[" + type + " " + Arrays.toString(shape) + "]";
    }
}
