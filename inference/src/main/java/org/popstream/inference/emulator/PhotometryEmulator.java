package org.popstream.inference.emulator;

import java.util.List;
import org.popstream.inference.model.Band;

/**
 * Model photometry for a batch of parameter vectors: for each row of the 15 {@link EmulatorInputs}
 * and each configured band, the AB magnitude per unit formed stellar mass with the distance modulus
 * removed (add N = distmod(z) − 2.5 log10 M_formed for the apparent magnitude).
 *
 * <p>Implementations may own native resources and are not thread-safe.
 */
public interface PhotometryEmulator extends AutoCloseable {

    /** The bands of the output columns, in order. */
    List<Band> bands();

    /**
     * Evaluates a batch.
     *
     * @param inputs row-major [rows × 15] inputs
     * @param rows   number of rows
     * @return row-major [rows × bands().size()] magnitudes per unit formed mass
     */
    double[] absMagPerMass(double[] inputs, int rows);

    /** Convenience form of {@link #absMagPerMass(double[], int)} for small batches. */
    default double[][] absMagPerMass(double[][] inputs) {
        int n = inputs.length;
        double[] flat = new double[n * EmulatorInputs.COUNT];
        for (int i = 0; i < n; i++) {
            if (inputs[i].length != EmulatorInputs.COUNT) {
                throw new IllegalArgumentException("row " + i + " has " + inputs[i].length + " inputs, expected 15");
            }
            System.arraycopy(inputs[i], 0, flat, i * EmulatorInputs.COUNT, EmulatorInputs.COUNT);
        }
        double[] out = absMagPerMass(flat, n);
        int b = bands().size();
        double[][] rows = new double[n][b];
        for (int i = 0; i < n; i++) {
            System.arraycopy(out, i * b, rows[i], 0, b);
        }
        return rows;
    }

    @Override
    void close();
}
