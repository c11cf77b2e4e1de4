package org.popstream.inference.diffusion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;

/** The diffusion model files the golden tables were made from, and column helpers. */
final class GoldenModels {
    private GoldenModels() {}

    static Path noiseModel() {
        return SharedPaths.models().resolve("noiseModel.pt");
    }

    static Path testModel(String sde) {
        return SharedPaths.shared().resolve("models/test-diffusion/population_" + sde + ".pt");
    }

    static List<String> columns(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    static double[][] table(GoldenCsv csv, int[] rows, String prefix, int count) {
        List<String> names = columns(prefix, count);
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = csv.values(rows[i], names);
        }
        return out;
    }

    static int[] allRows(GoldenCsv csv) {
        int[] rows = new int[csv.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
