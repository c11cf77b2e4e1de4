package org.popstream.inference.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;

/** Mocks with injected zero-point offsets (and one band with extra scatter) must be recovered. */
class ZeroPointCalibratorTest {
    private static final List<String> BANDS = List.of("u", "g", "r", "i", "z", "y", "j", "ks");
    private static final double[] WAVELENGTH_NM = {370, 480, 620, 770, 890, 980, 1250, 2150};
    private static final double[] INJECTED = {1.07, 0.95, 1.04, 1.0, 0.97, 1.09, 0.93, 1.02};
    private static final int EXTRA_SCATTER_BAND = 6;
    private static final double EXTRA_SCATTER = 0.06;

    private final BreakTemplateFitter fitter = new BreakTemplateFitter(BANDS, WAVELENGTH_NM);

    private record Mocks(List<GalaxyPhotometry> galaxies, double[] redshifts) {}

    private Mocks mocks(int n, boolean extraScatter, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GalaxyPhotometry> galaxies = new ArrayList<>();
        double[] z = new double[n];
        for (int g = 0; g < n; g++) {
            z[g] = 0.05 + 2.95 * random.nextDouble();
            int template = random.nextInt(BreakTemplateFitter.TEMPLATES.length);
            double amplitude = Math.exp(random.nextGaussian(0.0, 0.7));
            double snr = 10 + 90 * random.nextDouble();
            double[] t = fitter.templateFluxes(template, z[g]);
            double reference = amplitude * t[3];
            List<BandFlux> fluxes = new ArrayList<>();
            for (int b = 0; b < BANDS.size(); b++) {
                double truth = INJECTED[b] * amplitude * t[b];
                double sigma = reference / snr;
                double extra = extraScatter && b == EXTRA_SCATTER_BAND ? EXTRA_SCATTER * truth : 0.0;
                double observed = truth + random.nextGaussian() * Math.sqrt(sigma * sigma + extra * extra);
                fluxes.add(BandFlux.detection(BANDS.get(b), observed, sigma));
            }
            galaxies.add(new GalaxyPhotometry("mock" + g, fluxes, Map.of()));
        }
        return new Mocks(galaxies, z);
    }

    @Test
    void recoversInjectedZeroPointsWithinTheirUncertainties() {
        Mocks mocks = mocks(800, false, 42);
        List<CalibrationResult.Iteration> seen = new ArrayList<>();
        CalibrationResult result = new ZeroPointCalibrator(fitter, new CalibrationSettings(30, 1e-5, 5.0, "i", false))
                .calibrate(BANDS, mocks.galaxies(), mocks.redshifts(), seen::add);

        assertTrue(result.converged(), "did not converge: " + result.history().size() + " iterations");
        assertEquals(result.history().size(), seen.size());
        assertTrue(result.history().get(0).maxChange() > 0.03, "first step should move the factors");
        for (int b = 0; b < BANDS.size(); b++) {
            ZeroPointEstimate e = result.estimates().get(b);
            assertEquals(BANDS.get(b), e.band());
            if (b == 3) {
                assertEquals(1.0, e.factor(), 0.0, "reference band stays at 1");
                continue;
            }
            assertTrue(e.uncertainty() > 0 && e.uncertainty() < 0.01, e + " uncertainty");
            assertTrue(Math.abs(e.factor() - INJECTED[b]) < 3 * e.uncertainty(),
                    e.band() + ": recovered " + e.factor() + " ± " + e.uncertainty() + ", injected " + INJECTED[b]);
            // faint blue-band measurements of red templates fall below the S/N cut
            assertTrue(e.nUsed() > 600 && e.nUsed() <= 800, e + " n_used");
        }
    }

    @Test
    void errorFloorMeasuresExtraScatterOnlyWhereThereIsSome() {
        Mocks mocks = mocks(800, true, 7);
        CalibrationResult result = new ZeroPointCalibrator(fitter, new CalibrationSettings(30, 1e-5, 5.0, "i", true))
                .calibrate(BANDS, mocks.galaxies(), mocks.redshifts(), iteration -> {});
        double floor = result.estimates().get(EXTRA_SCATTER_BAND).errorFloor();
        assertEquals(EXTRA_SCATTER, floor, 0.015, "floor of the band with extra scatter");
        for (int b = 0; b < BANDS.size(); b++) {
            if (b != EXTRA_SCATTER_BAND) {
                assertTrue(result.estimates().get(b).errorFloor() < 0.02, BANDS.get(b) + " floor " + result.estimates().get(b));
            }
        }
        ZeroPointEstimate j = result.estimates().get(EXTRA_SCATTER_BAND);
        assertTrue(Math.abs(j.factor() - INJECTED[EXTRA_SCATTER_BAND]) < 3 * j.uncertainty(), j.toString());
    }
}
