package org.popstream.inference.diffusion;

/**
 * Right-hand side of many independent ODE systems of the same size, evaluated together so a
 * TensorFlow call serves the whole batch. Each row carries its own time.
 */
public interface BatchedOdeSystem {

    /** Number of state components per row. */
    int stateSize();

    /**
     * Writes dy/dt for a packed subset of rows.
     *
     * @param rows  original row index of each packed row (for per-row data such as a condition)
     * @param t     time of each packed row
     * @param y     packed states, {@code rows.length × stateSize()} row-major
     * @param dydt  output, same layout as {@code y}
     */
    void derivatives(int[] rows, double[] t, double[] y, double[] dydt);
}
