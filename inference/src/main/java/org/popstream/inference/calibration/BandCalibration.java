package org.popstream.inference.calibration;

import java.util.Arrays;
import java.util.List;

/**
 * Per-band photometric calibration applied to the model (science.md §2–3): a zero-point factor that
 * multiplies the model flux and a fractional error floor added in quadrature.
 *
 * @param bands       band names, emulator spelling
 * @param factors     zero-point factor per band (1 = no correction)
 * @param errorFloors fractional error floor per band (0 = none)
 */
public record BandCalibration(List<String> bands, double[] factors, double[] errorFloors) {

    public BandCalibration {
        bands = List.copyOf(bands);
        if (factors.length != bands.size() || errorFloors.length != bands.size()) {
            throw new IllegalArgumentException("calibration needs one factor and one floor per band: " + bands.size()
                    + " bands, " + factors.length + " factors, " + errorFloors.length + " floors");
        }
        for (int b = 0; b < factors.length; b++) {
            if (!(factors[b] > 0) || !Double.isFinite(factors[b])) {
                throw new IllegalArgumentException("band " + bands.get(b) + ": zero-point factor must be > 0, got " + factors[b]);
            }
            if (!(errorFloors[b] >= 0) || !Double.isFinite(errorFloors[b])) {
                throw new IllegalArgumentException("band " + bands.get(b) + ": error floor must be ≥ 0, got " + errorFloors[b]);
            }
        }
        factors = factors.clone();
        errorFloors = errorFloors.clone();
    }

    public static BandCalibration identity(List<String> bands) {
        double[] ones = new double[bands.size()];
        Arrays.fill(ones, 1.0);
        return new BandCalibration(bands, ones, new double[bands.size()]);
    }

    public double factor(int band) {
        return factors[band];
    }

    public double errorFloor(int band) {
        return errorFloors[band];
    }

    @Override
    public double[] factors() {
        return factors.clone();
    }

    @Override
    public double[] errorFloors() {
        return errorFloors.clone();
    }
}
