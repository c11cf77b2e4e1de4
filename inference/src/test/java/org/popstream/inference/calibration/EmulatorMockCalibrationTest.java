package org.popstream.inference.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.testing.SharedPaths;

/**
 * The whole calibration path on the real emulator: galaxies drawn from the prior, emulated, given
 * injected zero-point offsets in a few bands and noise, then calibrated with {@link TemplateBankFitter}.
 */
class EmulatorMockCalibrationTest {
    private static final List<String> BANDS = List.of("hsc_g", "hsc_r", "hsc_i", "hsc_z", "uvista_j_cosmos",
            "uvista_ks_cosmos", "ia527_cosmos", "irac1_cosmos");
    private static final double[] INJECTED = {1.06, 1.0, 1.0, 0.97, 1.0, 1.04, 0.94, 1.0};

    @Test
    void recoversInjectedOffsetsThroughTheEmulator() {
        PhotometryModel model = PhotometryModel.load(new ModelDirectory(SharedPaths.models()),
                CosmosBands.parse(String.join(",", BANDS)));
        AnalyticPrior prior = new AnalyticPrior();
        SplittableRandom random = new SplittableRandom(17);
        int n = 300;
        double[][] truth = new double[n][];
        double[] z = new double[n];
        for (int g = 0; g < n; g++) {
            double[] theta;
            do {
                theta = prior.sample(random);
            } while (theta[ParameterSpace.REDSHIFT] < 0.2 || theta[ParameterSpace.REDSHIFT] > 3.0);
            theta[ParameterSpace.LOG10_MASS] = 10.5;
            truth[g] = theta;
            z[g] = theta[ParameterSpace.REDSHIFT];
        }
        double[][] flux = model.fluxNanomaggies(truth);
        List<GalaxyPhotometry> galaxies = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            List<BandFlux> bands = new ArrayList<>();
            for (int b = 0; b < BANDS.size(); b++) {
                double sigma = flux[g][b] / 30.0;
                bands.add(BandFlux.detection(BANDS.get(b), INJECTED[b] * flux[g][b] + sigma * random.nextGaussian(), sigma));
            }
            galaxies.add(new GalaxyPhotometry("mock" + g, bands, java.util.Map.of()));
        }
        CalibrationResult result;
        try (TemplateBankFitter fitter = new TemplateBankFitter(model, prior, 512, 5, 2)) {
            result = new ZeroPointCalibrator(fitter, new CalibrationSettings(8, 1e-3, 5.0, "hsc_i", false))
                    .calibrate(BANDS, galaxies, z, iteration -> {});
        }
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (int b = 0; b < BANDS.size(); b++) {
            ZeroPointEstimate e = result.estimates().get(b);
            double pull = e.uncertainty() > 0 ? (e.factor() - INJECTED[b]) / e.uncertainty() : 0.0;
            report.append(String.format(java.util.Locale.ROOT, "%s %.4f±%.4f (injected %.2f, pull %.1f)%n",
                    e.band(), e.factor(), e.uncertainty(), INJECTED[b], pull));
            ok &= Math.abs(pull) < 3.0;
        }
        assertTrue(ok, "zero points not recovered within 3σ:\n" + report);
    }
}
