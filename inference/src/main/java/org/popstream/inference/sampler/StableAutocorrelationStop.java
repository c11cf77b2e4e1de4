package org.popstream.inference.sampler;

import java.util.Arrays;
import org.popstream.inference.summary.AutocorrelationTime;

/**
 * emcee's convergence rule, per galaxy: stop once the chain is longer than K·τ_max and τ_max changed
 * by less than {@code tolerance} (relative) since the previous check. Checks every
 * {@code checkEvery} post-burn steps to keep the FFT cost small. One instance per batch (keeps the
 * previous estimates).
 */
public final class StableAutocorrelationStop implements EarlyStopRule {

    private final double factor;
    private final double tolerance;
    private final int checkEvery;
    private final double[] previousTau;
    private final int[] lastCheckedLength;

    public StableAutocorrelationStop(int galaxies, double factor, double tolerance, int checkEvery) {
        this.factor = factor;
        this.tolerance = tolerance;
        this.checkEvery = checkEvery;
        this.previousTau = new double[galaxies];
        this.lastCheckedLength = new int[galaxies];
        Arrays.fill(previousTau, Double.NaN);
    }

    public static StableAutocorrelationStop forBatch(int galaxies, double factor) {
        return new StableAutocorrelationStop(galaxies, factor, 0.01, 50);
    }

    @Override
    public boolean shouldStop(int galaxy, float[] walkerMeans, int dim) {
        int length = walkerMeans.length / dim;
        if (length - lastCheckedLength[galaxy] < checkEvery) {
            return false;
        }
        lastCheckedLength[galaxy] = length;
        double tauMax = 0;
        double[] series = new double[length];
        for (int d = 0; d < dim; d++) {
            for (int t = 0; t < length; t++) {
                series[t] = walkerMeans[t * dim + d];
            }
            tauMax = Math.max(tauMax, AutocorrelationTime.integrated(series));
        }
        double previous = previousTau[galaxy];
        previousTau[galaxy] = tauMax;
        return length > factor * tauMax && Math.abs(previous - tauMax) < tolerance * tauMax;
    }
}
