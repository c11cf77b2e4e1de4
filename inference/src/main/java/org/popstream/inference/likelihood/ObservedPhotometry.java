package org.popstream.inference.likelihood;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.GalaxyPhotometry;

/**
 * A batch of galaxies' photometry laid out as dense [galaxies, bands] arrays in the emulator's
 * band order, ready to upload to TensorFlow. Missing bands carry both masks 0 and harmless
 * placeholder values (error 1) so that masked terms stay finite.
 */
public record ObservedPhotometry(
        int galaxies, int bands, float[] flux, float[] error, float[] detected, float[] upperLimited, float[] limit) {

    public static ObservedPhotometry of(List<GalaxyPhotometry> batch, List<String> bandOrder) {
        Map<String, Integer> index = new HashMap<>();
        for (int b = 0; b < bandOrder.size(); b++) {
            index.put(bandOrder.get(b), b);
        }
        int g = batch.size();
        int nb = bandOrder.size();
        float[] flux = new float[g * nb];
        float[] error = new float[g * nb];
        float[] detected = new float[g * nb];
        float[] upper = new float[g * nb];
        float[] limit = new float[g * nb];
        java.util.Arrays.fill(error, 1f);
        for (int i = 0; i < g; i++) {
            for (GalaxyPhotometry.BandFlux m : batch.get(i).bands()) {
                Integer b = index.get(m.band());
                if (b == null) {
                    continue; // a band without an emulator cannot enter the likelihood
                }
                int k = i * nb + b;
                error[k] = (float) m.error();
                if (m.isUpperLimit()) {
                    upper[k] = 1;
                    limit[k] = (float) m.upperLimit();
                } else if (Double.isFinite(m.flux())) {
                    detected[k] = 1;
                    flux[k] = (float) m.flux();
                }
            }
        }
        return new ObservedPhotometry(g, nb, flux, error, detected, upper, limit);
    }

    /** Bands that enter galaxy {@code i}'s likelihood (detections plus upper limits). */
    public int bandsUsed(int i) {
        int n = 0;
        for (int b = 0; b < bands; b++) {
            n += detected[i * bands + b] + upperLimited[i * bands + b] > 0 ? 1 : 0;
        }
        return n;
    }
}
