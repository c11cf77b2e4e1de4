package org.popstream.inference.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The zero-point CSV written by {@code popstream calibrate} and read by {@code fit --zeropoints}:
 * header {@code band,factor,uncertainty,n_used,error_floor}, one row per band. Reading needs only
 * {@code band} and {@code factor}; {@code error_floor} is optional.
 */
public final class ZeroPointTable {
    public static final List<String> HEADER = List.of("band", "factor", "uncertainty", "n_used", "error_floor");

    private ZeroPointTable() {}

    public static void write(Path file, List<ZeroPointEstimate> estimates) {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(String.join(",", HEADER) + "\n");
            for (ZeroPointEstimate e : estimates) {
                out.write(String.format(Locale.ROOT, "%s,%.8f,%.8f,%d,%.6f%n",
                        e.band(), e.factor(), e.uncertainty(), e.nUsed(), e.errorFloor()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** band → (factor, error floor); every problem is reported with the file and line. */
    public static Map<String, double[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read zero-point file " + file + ": " + e.getMessage(), e);
        }
        return parse(file, lines);
    }

    /** {@link #read} on lines already read from {@code file}. */
    static Map<String, double[]> parse(Path file, List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty zero-point file");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int band = header.indexOf("band");
        int factor = header.indexOf("factor");
        int floor = header.indexOf("error_floor");
        if (band < 0 || factor < 0) {
            throw new IllegalArgumentException(file + " line 1: needs columns 'band' and 'factor', found " + header);
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String where = file + " line " + (i + 1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(where + ": expected " + header.size() + " values, found " + cells.length);
            }
            double f = parse(cells[factor], "factor", where);
            double e = floor < 0 ? 0.0 : parse(cells[floor], "error_floor", where);
            if (!(f > 0) || !(e >= 0)) {
                throw new IllegalArgumentException(where + ": factor must be > 0 and error_floor ≥ 0, got " + f + ", " + e);
            }
            if (values.put(cells[band].trim(), new double[] {f, e}) != null) {
                throw new IllegalArgumentException(where + ": band '" + cells[band].trim() + "' appears twice");
            }
        }
        return values;
    }

    /**
     * The calibration for {@code bands}: factors from the file (1 for bands it does not list); error floors
     * from the file unless {@code floorOverride} gives them.
     *
     * @throws IllegalArgumentException if the file names a band not among {@code bands} (a typo would
     *                                  otherwise silently leave a band uncalibrated)
     */
    public static BandCalibration toCalibration(Map<String, double[]> table, List<String> bands, ErrorFloors floorOverride) {
        List<String> unknown = new ArrayList<>(table.keySet());
        unknown.removeAll(bands);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("zero-point file names unknown bands " + unknown + "; known: " + bands);
        }
        double[] factors = new double[bands.size()];
        double[] floors = new double[bands.size()];
        for (int b = 0; b < bands.size(); b++) {
            double[] row = table.get(bands.get(b));
            factors[b] = row == null ? 1.0 : row[0];
            floors[b] = row == null ? 0.0 : row[1];
        }
        if (floorOverride != null) {
            floors = floorOverride.forBands(bands);
        }
        return new BandCalibration(bands, factors, floors);
    }

    private static double parse(String cell, String column, String where) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " is not a number: '" + cell + "'", e);
        }
    }
}
