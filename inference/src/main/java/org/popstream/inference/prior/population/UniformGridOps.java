package org.popstream.inference.prior.population;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A function tabulated on a uniform grid, interpolated linearly inside a TensorFlow graph (float32):
 * gather the cell's two values and blend. Arguments outside the grid take the end values.
 * One column ({@code [n]}) or several ({@code [n, k]}, interpolated row-wise into {@code [..., k]}).
 */
final class UniformGridOps {
    private final double start;
    private final double step;
    private final int nodes;
    private final int columns;
    private final float[] values;

    /** @param table table[node][column] */
    UniformGridOps(double start, double step, double[][] table) {
        this.start = start;
        this.step = step;
        this.nodes = table.length;
        this.columns = table[0].length;
        this.values = new float[nodes * columns];
        for (int i = 0; i < nodes; i++) {
            for (int c = 0; c < columns; c++) {
                values[i * columns + c] = (float) table[i][c];
            }
        }
    }

    static UniformGridOps singleColumn(double start, double step, double[] column) {
        double[][] table = new double[column.length][1];
        for (int i = 0; i < column.length; i++) {
            table[i][0] = column[i];
        }
        return new UniformGridOps(start, step, table);
    }

    /** x of any shape → [..., columns] (or the shape of x for a single column). */
    Operand<TFloat32> interpolate(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> table = columns == 1
                ? tf.constant(Shape.of(nodes), DataBuffers.of(values))
                : tf.constant(Shape.of(nodes, columns), DataBuffers.of(values));
        Operand<TFloat32> u = tf.clipByValue(
                tf.math.div(tf.math.sub(x, tf.constant((float) start)), tf.constant((float) step)),
                tf.constant(0f), tf.constant((float) (nodes - 1)));
        Operand<TFloat32> cell = tf.clipByValue(tf.math.floor(u), tf.constant(0f), tf.constant((float) (nodes - 2)));
        Operand<TInt32> lo = tf.dtypes.cast(cell, TInt32.class);
        Operand<TInt32> hi = tf.math.add(lo, tf.constant(1));
        Operand<TFloat32> w = tf.math.sub(u, cell);
        if (columns > 1) {
            w = tf.expandDims(w, tf.constant(-1));
        }
        Operand<TFloat32> a = tf.gather(table, lo, tf.constant(0));
        Operand<TFloat32> b = tf.gather(table, hi, tf.constant(0));
        return tf.math.add(a, tf.math.mul(w, tf.math.sub(b, a)));
    }
}
