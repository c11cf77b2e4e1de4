package org.popstream.inference.prior.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.testing.SharedPaths;

/** Rows of a golden CSV (header + numbers, "-Infinity" allowed), addressed by column name. */
record GoldenRows(List<Map<String, Double>> rows) {

    static GoldenRows read(String file) {
        Path path = SharedPaths.golden(file);
        try {
            List<String> lines = Files.readAllLines(path);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            List<Map<String, Double>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                Map<String, Double> row = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    row.put(header.get(i), Double.parseDouble(cells[i]));
                }
                rows.add(row);
            }
            return new GoldenRows(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name,value scalars file as a map. */
    static Map<String, Double> scalars(String file) {
        try {
            Map<String, Double> values = new HashMap<>();
            for (String line : Files.readAllLines(SharedPaths.golden(file)).subList(1, 16)) {
                String[] cells = line.split(",");
                values.put(cells[0], Double.parseDouble(cells[1]));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] ratios(Map<String, Double> row) {
        double[] r = new double[6];
        for (int j = 0; j < 6; j++) {
            r[j] = row.get("r" + (j + 1));
        }
        return r;
    }
}
