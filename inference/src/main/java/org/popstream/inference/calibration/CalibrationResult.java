package org.popstream.inference.calibration;

import java.util.List;

/**
 * Outcome of a calibration run.
 *
 * @param estimates  final per-band estimates, in band order
 * @param history    one entry per iteration
 * @param converged  whether the last update changed every factor by less than the tolerance
 */
public record CalibrationResult(List<ZeroPointEstimate> estimates, List<Iteration> history, boolean converged) {

    public CalibrationResult {
        estimates = List.copyOf(estimates);
        history = List.copyOf(history);
    }

    /** State after iteration {@code number} (1-based): the factors and the largest change. */
    public record Iteration(int number, double[] factors, double[] errorFloors, double maxChange, int galaxiesFitted) {}

    public BandCalibration calibration() {
        List<String> bands = estimates.stream().map(ZeroPointEstimate::band).toList();
        return new BandCalibration(bands,
                estimates.stream().mapToDouble(ZeroPointEstimate::factor).toArray(),
                estimates.stream().mapToDouble(ZeroPointEstimate::errorFloor).toArray());
    }
}
