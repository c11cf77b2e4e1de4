package org.popstream.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A golden reference table from {@code shared/golden/} (plain comma-separated, header row, no quoting). */
public final class GoldenCsv {

    private final Path file;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private GoldenCsv(Path file, List<String> lines) {
        this.file = file;
        this.columns = List.of(lines.get(0).split(","));
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
    }

    /** Reads {@code shared/golden/<name>}. */
    public static GoldenCsv read(String name) {
        Path file = SharedPaths.golden(name);
        try {
            return new GoldenCsv(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return rows.size();
    }

    public String text(int row, String column) {
        return rows.get(row)[col(column)];
    }

    /** A numeric cell (Python repr: also {@code inf}, {@code -inf}, {@code nan}, {@code -Infinity}). */
    public double value(int row, String column) {
        String s = text(row, column).trim();
        return switch (s) {
            case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "nan", "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    /** The given columns of one row, in the given order. */
    public double[] values(int row, List<String> names) {
        double[] out = new double[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(row, names.get(i));
        }
        return out;
    }

    private int col(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException(file + " has no column '" + column + "'");
        }
        return i;
    }
}
