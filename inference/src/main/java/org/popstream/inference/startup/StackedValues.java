package org.popstream.inference.startup;

/** One float per row and galaxy, [rows, galaxies] row-major: the log posteriors beside {@link StackedPoints}. */
final class StackedValues {

    private final float[] values;
    private final int rows;
    private final int galaxies;

    private StackedValues(float[] values, int rows, int galaxies) {
        if (values.length != rows * galaxies) {
            throw new IllegalArgumentException("[" + rows + ", " + galaxies + "] needs " + rows * galaxies
                    + " values, got " + values.length);
        }
        this.values = values;
        this.rows = rows;
        this.galaxies = galaxies;
    }

    /** Wraps (does not copy) values fetched from a graph. */
    static StackedValues wrap(float[] values, int rows, int galaxies) {
        return new StackedValues(values, rows, galaxies);
    }

    int rows() {
        return rows;
    }

    int galaxies() {
        return galaxies;
    }

    float get(int row, int galaxy) {
        return values[row * galaxies + galaxy];
    }

    void set(int row, int galaxy, float value) {
        values[row * galaxies + galaxy] = value;
    }

    StackedValues copy() {
        return new StackedValues(values.clone(), rows, galaxies);
    }
}
