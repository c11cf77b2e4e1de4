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
 *
 * <p>Measured (this seed): the bank fits leave systematic residuals of up to 0.026 (NIR bands pulled
 * low), well above the calibrator's statistical uncertainties (~0.003), so "within 3σ" does NOT hold for
 * this fitter; with a 512-member bank the residuals reach 0.05. What the test pins down is the accuracy
 * actually reached: every factor within 0.03 of the truth and the rms offset over the bands at least halved
 * (measured 0.035 → 0.013).
 * Recovery within the quoted uncertainties is shown for an exact fitter in {@link ZeroPointCalibratorTest}.
 */
class EmulatorMockCalibrationTest {
    private static final List<String> BANDS = List.of("hsc_g", "hsc_r", "hsc_i", "hsc_z", "uvista_j_cosmos",
            "uvista_ks_cosmos", "ia527_cosmos", "irac1_cosmos");
    private static final double[] INJECTED = {1.06, 1.0, 1.0, 0.97, 1.0, 1.04, 0.94, 1.0};

    @Test
    void removesMostOfTheInjectedOffsetsThroughTheEmulator() {
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
        try (TemplateBankFitter fitter = new TemplateBankFitter(model, prior, 4096, 5, 2)) {
            result = new ZeroPointCalibrator(fitter, new CalibrationSettings(8, 1e-3, 5.0, "hsc_i", false))
                    .calibrate(BANDS, galaxies, z, iteration -> {});
        }
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        double before = 0;
        double after = 0;
        for (int b = 0; b < BANDS.size(); b++) {
            ZeroPointEstimate e = result.estimates().get(b);
            double residual = e.factor() / INJECTED[b] - 1.0;
            report.append(String.format(java.util.Locale.ROOT, "%s %.4f±%.4f (injected %.2f, residual %.4f)%n",
                    e.band(), e.factor(), e.uncertainty(), INJECTED[b], residual));
            ok &= Math.abs(residual) < 0.03;
            before += Math.pow(1.0 / INJECTED[b] - 1.0, 2);
            after += residual * residual;
        }
        report.append(String.format(java.util.Locale.ROOT, "rms offset before %.4f, after %.4f%n",
                Math.sqrt(before / BANDS.size()), Math.sqrt(after / BANDS.size())));
        assertTrue(ok && after < 0.25 * before, "offsets not recovered to 0.03 or rms not halved:\n" + report);
    }
}
