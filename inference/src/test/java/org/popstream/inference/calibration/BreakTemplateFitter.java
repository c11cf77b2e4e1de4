package org.popstream.inference.calibration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.GalaxyPhotometry;

/**
 * A small but real SED fitter for calibration tests: a galaxy is amplitude × one of a few rest-frame
 * templates (power law with a 4000 Å break), observed through bands at fixed effective wavelengths.
 * At fixed z it picks the template and amplitude of least χ² (amplitude by weighted least squares).
 */
final class BreakTemplateFitter implements FixedRedshiftFitter {
    /** slope β and break strength of each template: f ∝ (λ/500 nm)^β, × strength redward of 400 nm. */
    static final double[][] TEMPLATES = {{0.0, 3.0}, {-0.8, 1.6}, {-1.8, 1.1}, {0.6, 5.0}};

    private final List<String> bands;
    private final double[] wavelengthNm;

    BreakTemplateFitter(List<String> bands, double[] wavelengthNm) {
        this.bands = List.copyOf(bands);
        this.wavelengthNm = wavelengthNm.clone();
    }

    /** Template k's flux in every band at redshift z, per unit amplitude, before zero points. */
    double[] templateFluxes(int k, double z) {
        double[] t = new double[bands.size()];
        for (int b = 0; b < t.length; b++) {
            double rest = wavelengthNm[b] / (1 + z);
            double step = 1.0 / (1.0 + Math.exp(-(rest - 400.0) / 15.0));
            t[b] = Math.pow(rest / 500.0, TEMPLATES[k][0]) * (1.0 + (TEMPLATES[k][1] - 1.0) * step);
        }
        return t;
    }

    @Override
    public double[][] bestFitModelFluxes(List<GalaxyPhotometry> galaxies, double[] redshifts, BandCalibration calibration) {
        double[][] result = new double[galaxies.size()][];
        for (int g = 0; g < galaxies.size(); g++) {
            Map<String, GalaxyPhotometry.BandFlux> byName = new HashMap<>();
            galaxies.get(g).bands().forEach(f -> byName.put(f.band(), f));
            double bestChi2 = Double.POSITIVE_INFINITY;
            double[] best = null;
            for (int k = 0; k < TEMPLATES.length; k++) {
                double[] t = templateFluxes(k, redshifts[g]);
                double[] zt = new double[t.length];
                double[] w = new double[t.length];
                double[] f = new double[t.length];
                double sft = 0;
                double stt = 0;
                for (int b = 0; b < t.length; b++) {
                    GalaxyPhotometry.BandFlux m = byName.get(bands.get(b));
                    zt[b] = calibration.factor(b) * t[b];
                    if (m == null || m.isUpperLimit()) {
                        continue;
                    }
                    double floor = calibration.errorFloor(b) * m.flux();
                    w[b] = 1.0 / (m.error() * m.error() + floor * floor);
                    f[b] = m.flux();
                    sft += w[b] * f[b] * zt[b];
                    stt += w[b] * zt[b] * zt[b];
                }
                double amplitude = sft / stt;
                double chi2 = 0;
                for (int b = 0; b < t.length; b++) {
                    double r = f[b] - amplitude * zt[b];
                    chi2 += w[b] * r * r;
                }
                if (chi2 < bestChi2) {
                    bestChi2 = chi2;
                    best = new double[t.length];
                    for (int b = 0; b < t.length; b++) {
                        best[b] = amplitude * zt[b];
                    }
                }
            }
            result[g] = best;
        }
        return result;
    }
}
