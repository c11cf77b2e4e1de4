package org.popstream.inference.prior.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;

/** Rows of a golden CSV (header + numbers, "-Infinity" allowed), addressed by column name. */
record GoldenRows(List<Map<String, Double>> rows) {

    static GoldenRows read(String file) {
        GoldenCsv csv = GoldenCsv.read(file);
        List<Map<String, Double>> rows = new ArrayList<>();
        for (int r = 0; r < csv.rows(); r++) {
            Map<String, Double> row = new HashMap<>();
            for (String column : csv.columns()) {
                row.put(column, csv.value(r, column));
            }
            rows.add(row);
        }
        return new GoldenRows(rows);
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
