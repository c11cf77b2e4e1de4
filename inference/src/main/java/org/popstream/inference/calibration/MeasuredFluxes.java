package org.popstream.inference.calibration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.GalaxyPhotometry;

/**
 * One galaxy's photometry as double arrays in a model's band order, for the bank-based fits (zero-point
 * calibration, photo-z by bank): per band the flux (the limit for an upper limit), its error and what
 * kind of measurement it is.
 *
 * @param kind per band {@link #MISSING}, {@link #DETECTED} or {@link #UPPER_LIMIT}
 */
public record MeasuredFluxes(double[] flux, double[] error, int[] kind) {
    public static final int MISSING = 0;
    public static final int DETECTED = 1;
    public static final int UPPER_LIMIT = 2;

    /** Bands the galaxy does not report, and non-finite fluxes that are not limits, are missing. */
    public static MeasuredFluxes of(GalaxyPhotometry galaxy, List<String> bands) {
        int nb = bands.size();
        double[] f = new double[nb];
        double[] s = new double[nb];
        int[] kind = new int[nb];
        Map<String, GalaxyPhotometry.BandFlux> byName = new HashMap<>();
        galaxy.bands().forEach(m -> byName.put(m.band(), m));
        for (int b = 0; b < nb; b++) {
            GalaxyPhotometry.BandFlux m = byName.get(bands.get(b));
            if (m == null) {
                continue;
            }
            kind[b] = m.isUpperLimit() ? UPPER_LIMIT : Double.isFinite(m.flux()) ? DETECTED : MISSING;
            f[b] = m.isUpperLimit() ? m.upperLimit() : m.flux();
            s[b] = m.error();
        }
        return new MeasuredFluxes(f, s, kind);
    }

    /**
     * The amplitude A minimising Σ (f − A·factor·t)² / (σ² + (floor·f)²) over the detections, with its
     * precision Σ (factor·t)² / (σ² + (floor·f)²) (σ_A = 1/√precision).
     *
     * @param amplitude NaN when the detections do not fix a positive amplitude
     */
    public record AmplitudeFit(double amplitude, double precision) {}

    public AmplitudeFit fitAmplitude(double[] template, BandCalibration calibration) {
        double sft = 0;
        double stt = 0;
        for (int b = 0; b < flux.length; b++) {
            if (kind[b] == DETECTED) {
                double mt = calibration.factor(b) * template[b];
                double floor = calibration.errorFloor(b) * Math.abs(flux[b]);
                double inverseVariance = 1.0 / (error[b] * error[b] + floor * floor);
                sft += inverseVariance * flux[b] * mt;
                stt += inverseVariance * mt * mt;
            }
        }
        return new AmplitudeFit(sft > 0 && stt > 0 ? sft / stt : Double.NaN, stt);
    }
}
