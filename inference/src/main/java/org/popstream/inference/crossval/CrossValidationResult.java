package org.popstream.inference.crossval;

import java.util.List;
import org.popstream.inference.calibration.CalibrationResult;

/**
 * Everything a cross-validation run found.
 *
 * @param scores every prior configuration without, then with, the zero points fitted on the calibration half
 */
public record CrossValidationResult(SpecZSplit split, CalibrationResult calibration, List<ConfigurationScore> scores) {

    public CrossValidationResult {
        scores = List.copyOf(scores);
    }

    /** Fewest outliers; σ_NMAD breaks ties. */
    public ConfigurationScore best() {
        return scores.stream().min((a, b) -> a.metrics().outlierFraction() != b.metrics().outlierFraction()
                ? Double.compare(a.metrics().outlierFraction(), b.metrics().outlierFraction())
                : Double.compare(a.metrics().sigmaNmad(), b.metrics().sigmaNmad())).orElseThrow();
    }
}
