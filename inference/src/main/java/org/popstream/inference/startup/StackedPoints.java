package org.popstream.inference.startup;

/**
 * Parameter vectors laid out as the start-up's TensorFlow graphs take them: [rows, galaxies, D]
 * float32, row-major. A row holds one point per galaxy (one start, one finite-difference stencil
 * point, one Newton candidate or one walker); this class is the only one that knows the flat layout.
 * It is a working buffer: the steps that change it say so, the others copy it first.
 */
final class StackedPoints {

    private final float[] values;
    private final int rows;
    private final int galaxies;
    private final int dim;

    private StackedPoints(float[] values, int rows, int galaxies, int dim) {
        if (values.length != rows * galaxies * dim) {
            throw new IllegalArgumentException("[" + rows + ", " + galaxies + ", " + dim + "] needs "
                    + rows * galaxies * dim + " values, got " + values.length);
        }
        this.values = values;
        this.rows = rows;
        this.galaxies = galaxies;
        this.dim = dim;
    }

    static StackedPoints zeros(int rows, int galaxies, int dim) {
        return new StackedPoints(new float[rows * galaxies * dim], rows, galaxies, dim);
    }

    /** Wraps (does not copy) values fetched from a graph. */
    static StackedPoints wrap(float[] values, int rows, int galaxies, int dim) {
        return new StackedPoints(values, rows, galaxies, dim);
    }

    int rows() {
        return rows;
    }

    int galaxies() {
        return galaxies;
    }

    int dim() {
        return dim;
    }

    float get(int row, int galaxy, int d) {
        return values[offset(row, galaxy) + d];
    }

    /** Stores {@code value} rounded to float32, as the graph will see it. */
    void set(int row, int galaxy, int d, double value) {
        values[offset(row, galaxy) + d] = (float) value;
    }

    /** The point of {@code galaxy} in {@code row}, widened to double. */
    double[] point(int row, int galaxy) {
        double[] p = new double[dim];
        int base = offset(row, galaxy);
        for (int d = 0; d < dim; d++) {
            p[d] = values[base + d];
        }
        return p;
    }

    /** Stores a point rounded to float32. */
    void setPoint(int row, int galaxy, double[] point) {
        int base = offset(row, galaxy);
        for (int d = 0; d < dim; d++) {
            values[base + d] = (float) point[d];
        }
    }

    /** Copies the point of {@code galaxy} in row {@code fromRow} of {@code from} into row {@code toRow} here. */
    void copyPoint(StackedPoints from, int fromRow, int galaxy, int toRow) {
        System.arraycopy(from.values, from.offset(fromRow, galaxy), values, offset(toRow, galaxy), dim);
    }

    StackedPoints copy() {
        return new StackedPoints(values.clone(), rows, galaxies, dim);
    }

    /** The backing array in graph layout, for feeding a tensor (not a copy). */
    float[] values() {
        return values;
    }

    private int offset(int row, int galaxy) {
        return (row * galaxies + galaxy) * dim;
    }
}
