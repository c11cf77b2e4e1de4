package org.popstream.inference.calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;

/**
 * Per-band zero-point factors from galaxies of known redshift, the auto-adjustment of LePhare and EAZY
 * (science.md §9): fit every galaxy at its spectroscopic redshift, take per band the S/N-weighted
 * median of observed / model flux, multiply it into the band's factor, refit, and repeat until no factor
 * moves by more than the tolerance. Optionally a fractional error floor per band makes the robust
 * scatter of the normalised residuals one.
 */
public final class ZeroPointCalibrator {
    private final FixedRedshiftFitter fitter;
    private final CalibrationSettings settings;

    public ZeroPointCalibrator(FixedRedshiftFitter fitter, CalibrationSettings settings) {
        this.fitter = fitter;
        this.settings = settings;
    }

    /**
     * @param bands     the bands to calibrate (order of the result)
     * @param galaxies  training galaxies
     * @param redshifts their spectroscopic redshifts
     * @param progress  told after every iteration (e.g. to print the history)
     */
    public CalibrationResult calibrate(List<String> bands, List<GalaxyPhotometry> galaxies, double[] redshifts,
            Consumer<CalibrationResult.Iteration> progress) {
        if (galaxies.size() != redshifts.length) {
            throw new IllegalArgumentException(galaxies.size() + " galaxies but " + redshifts.length + " redshifts");
        }
        int reference = settings.referenceBand() == null ? -1 : bands.indexOf(settings.referenceBand());
        if (settings.referenceBand() != null && reference < 0) {
            throw new IllegalArgumentException("reference band '" + settings.referenceBand() + "' is not among " + bands);
        }
        double[][] observed = new double[galaxies.size()][];
        double[][] errors = new double[galaxies.size()][];
        for (int g = 0; g < galaxies.size(); g++) {
            observed[g] = new double[bands.size()];
            errors[g] = new double[bands.size()];
            tabulate(galaxies.get(g), bands, observed[g], errors[g]);
        }

        BandCalibration calibration = BandCalibration.identity(bands);
        List<CalibrationResult.Iteration> history = new ArrayList<>();
        BandStatistics[] statistics = new BandStatistics[bands.size()];
        boolean converged = false;
        for (int iteration = 1; iteration <= settings.maxIterations() && !converged; iteration++) {
            double[][] model = fitter.bestFitModelFluxes(galaxies, redshifts, calibration);
            double[] factors = calibration.factors();
            double[] floors = calibration.errorFloors();
            for (int b = 0; b < bands.size(); b++) {
                statistics[b] = BandStatistics.of(b, observed, errors, model, floors[b], settings.minSignalToNoise());
                if (statistics[b].nUsed() > 0) {
                    factors[b] *= statistics[b].medianRatio();
                }
                if (settings.fitErrorFloors()) {
                    floors[b] = statistics[b].errorFloor();
                }
            }
            if (reference >= 0) {
                double scale = factors[reference];
                for (int b = 0; b < factors.length; b++) {
                    factors[b] /= scale;
                }
            }
            double maxChange = 0;
            double[] previous = calibration.factors();
            for (int b = 0; b < factors.length; b++) {
                maxChange = Math.max(maxChange, Math.abs(factors[b] - previous[b]));
            }
            calibration = new BandCalibration(bands, factors, floors);
            CalibrationResult.Iteration record = new CalibrationResult.Iteration(
                    iteration, factors, floors, maxChange, countFitted(model));
            history.add(record);
            progress.accept(record);
            converged = maxChange < settings.tolerance();
        }

        List<ZeroPointEstimate> estimates = new ArrayList<>();
        for (int b = 0; b < bands.size(); b++) {
            double factor = calibration.factor(b);
            double uncertainty = b == reference ? 0.0 : factor * statistics[b].relativeUncertainty();
            estimates.add(new ZeroPointEstimate(bands.get(b), factor, uncertainty, statistics[b].nUsed(),
                    calibration.errorFloor(b)));
        }
        return new CalibrationResult(estimates, history, converged);
    }

    private static void tabulate(GalaxyPhotometry galaxy, List<String> bands, double[] flux, double[] error) {
        Map<String, BandFlux> byName = new HashMap<>();
        for (BandFlux band : galaxy.bands()) {
            byName.put(band.band(), band);
        }
        for (int b = 0; b < bands.size(); b++) {
            BandFlux measured = byName.get(bands.get(b));
            boolean usable = measured != null && !measured.isUpperLimit() && Double.isFinite(measured.flux());
            flux[b] = usable ? measured.flux() : Double.NaN;
            error[b] = usable ? measured.error() : Double.NaN;
        }
    }

    private static int countFitted(double[][] model) {
        int n = 0;
        for (double[] row : model) {
            if (row != null && row.length > 0 && Double.isFinite(row[0])) {
                n++;
            }
        }
        return n;
    }
}
