package org.popstream.inference.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Real per-band 1σ flux errors (nanomaggies) of a survey catalogue, one vector per catalogue row;
 * NaN where the band was not observed. Sampling whole rows keeps the survey's joint depth pattern
 * (which bands are deep, which are missing, how depths co-vary across the field).
 */
public record CatalogueDepths(List<String> bands, List<double[]> rows) {

    private static final double MICROJANSKY_PER_NANOMAGGY = 3.631;

    /** Reads the {@code <band>_fluxerr_uJy} columns of a catalogue CSV (the shared data conventions). */
    public static CatalogueDepths fromCsv(Path csv, List<String> bands) {
        try (BufferedReader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setCommentMarker('#').get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            int[] column = new int[bands.size()];
            for (int b = 0; b < column.length; b++) {
                column[b] = header.indexOf(bands.get(b) + "_fluxerr_uJy");
            }
            List<double[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                double[] e = new double[column.length];
                Arrays.fill(e, Double.NaN);
                for (int b = 0; b < column.length; b++) {
                    String cell = column[b] >= 0 && column[b] < record.size() ? record.get(column[b]) : "";
                    if (!cell.isBlank()) {
                        try {
                            double v = Double.parseDouble(cell) / MICROJANSKY_PER_NANOMAGGY;
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
