package org.popstream.inference.prior.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small all-numeric CSV table with a header line, read from the class path (the prior's data files). */
record NumericTable(String name, List<String> header, double[][] columns) {

    static NumericTable fromResource(String resource) {
        try (InputStream in = NumericTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return read(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static NumericTable read(String name, BufferedReader reader) throws IOException {
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new IllegalStateException(name + ": empty file");
        }
        List<String> header = Arrays.stream(headerLine.split(",")).map(String::trim).toList();
        List<double[]> rows = new ArrayList<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != header.size()) {
                throw new IllegalStateException(name + " line " + lineNumber + ": expected " + header.size()
                        + " values, found " + cells.length);
            }
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    row[i] = Double.parseDouble(cells[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(name + " line " + lineNumber + ": column " + header.get(i)
                            + " is not a number: '" + cells[i] + "'", e);
                }
            }
            rows.add(row);
        }
        double[][] columns = new double[header.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                columns[c][r] = rows.get(r)[c];
            }
        }
        return new NumericTable(name, header, columns);
    }

    double[] column(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalStateException(name + ": no column '" + column + "' (have " + header + ")");
        }
        return columns[index].clone();
    }
}
