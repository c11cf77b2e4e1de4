package org.popstream.inference.diffusion;

/**
 * End states of a batched integration.
 *
 * @param states      row-major {@code rows × stateSize}; a failed row holds NaN
 * @param evaluations right-hand-side evaluations each row took part in
 * @param failure     per row: null when the row reached the end time, else why it stopped
 */
public record BatchSolution(double[] states, int stateSize, int[] evaluations, String[] failure) {

    public double[] row(int r) {
        double[] out = new double[stateSize];
        System.arraycopy(states, r * stateSize, out, 0, stateSize);
        return out;
    }
}
