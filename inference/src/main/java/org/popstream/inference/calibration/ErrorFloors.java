package org.popstream.inference.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code --error-floor VALUE|FILE} option: one fractional floor for every band, or per band from a
 * CSV with {@code band} and {@code error_floor} columns (e.g. a zero-point file written with floors).
 */
public sealed interface ErrorFloors {

    double[] forBands(List<String> bands);

    record Uniform(double value) implements ErrorFloors {
        public Uniform {
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("--error-floor must be a fraction ≥ 0, got " + value);
            }
        }

        @Override
        public double[] forBands(List<String> bands) {
            double[] floors = new double[bands.size()];
            java.util.Arrays.fill(floors, value);
            return floors;
        }
    }

    record PerBand(Map<String, Double> floors) implements ErrorFloors {
        @Override
        public double[] forBands(List<String> bands) {
            double[] result = new double[bands.size()];
            for (int b = 0; b < bands.size(); b++) {
                result[b] = floors.getOrDefault(bands.get(b), 0.0);
            }
            return result;
        }
    }

    /** A number is a uniform floor; anything else must be a readable file. */
    static ErrorFloors parse(String option) {
        try {
            return new Uniform(Double.parseDouble(option.trim()));
        } catch (NumberFormatException notANumber) {
            Path file = Path.of(option);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--error-floor: '" + option + "' is neither a number nor a readable file");
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--error-floor: cannot read " + file + ": " + e.getMessage(), e);
            }
            String header = lines.isEmpty() ? "" : lines.get(0);
            if (!List.of(header.split(",")).contains("error_floor")) {
                throw new IllegalArgumentException("--error-floor file " + file + " line 1: no 'error_floor' column");
            }
            Map<String, double[]> table = ZeroPointTable.parse(file, lines);
            Map<String, Double> floors = new java.util.LinkedHashMap<>();
            table.forEach((band, row) -> floors.put(band, row[1]));
            return new PerBand(floors);
        }
    }
}
