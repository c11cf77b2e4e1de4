package org.popstream.inference.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real per-band 1σ flux errors (nanomaggies) of a survey catalogue, one vector per catalogue row;
 * NaN where the band was not observed. Sampling whole rows keeps the survey's joint depth pattern
 * (which bands are deep, which are missing, how depths co-vary across the field).
 */
public record CatalogueDepths(List<String> bands, List<double[]> rows) {

    private static final double MICROJANSKY_PER_NANOMAGGY = 3.631;

    /** Reads the {@code <band>_fluxerr_uJy} columns of a catalogue CSV (the shared data conventions). */
    public static CatalogueDepths fromCsv(Path csv, List<String> bands) {
        try (BufferedReader in = Files.newBufferedReader(csv)) {
            List<String> header = List.of(in.readLine().split(",", -1));
            int[] column = new int[bands.size()];
            for (int b = 0; b < column.length; b++) {
                column[b] = header.indexOf(bands.get(b) + "_fluxerr_uJy");
            }
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                double[] e = new double[column.length];
                Arrays.fill(e, Double.NaN);
                for (int b = 0; b < column.length; b++) {
                    if (column[b] >= 0 && column[b] < cells.length && !cells[column[b]].isBlank()) {
                        try {
                            double v = Double.parseDouble(cells[column[b]]) / MICROJANSKY_PER_NANOMAGGY;
                            e[b] = v > 0 ? v : Double.NaN;
                        } catch (NumberFormatException ignored) {
                            // a malformed error cell only removes that band from the depth pattern
                        }
                    }
                }
                rows.add(e);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(csv + ": no rows to take depths from");
            }
            return new CatalogueDepths(List.copyOf(bands), List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read depths from " + csv, e);
        }
    }
}
