package org.popstream.inference.forward;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.emulator.EmulatorInputs;

/**
 * Reads a table of emulator parameters (what {@code popstream emulate} takes): a header row naming
 * the 15 emulator inputs ({@code dust2} may replace {@code sqrt_dust2}), optionally {@code log10M_formed}, any other
 * columns carried along; plain comma-separated values without quoting. Rows with a missing,
 * non-numeric or impossible value are kept aside with their line number and the reason.
 */
public final class EmulatorInputCsv {

    public static final String LOG10M = "log10M_formed";
    public static final String DUST2 = "dust2";

    /** A usable row. {@code log10MFormed} is NaN when the table has no mass column. */
    public record Row(int line, String[] cells, double[] inputs, double dust2, double log10MFormed) {}

    public record Skipped(int line, String reason) {}

    public record Table(List<String> header, boolean hasMass, List<Row> rows, List<Skipped> skipped) {}

    private EmulatorInputCsv() {}

    /**
     * @throws IllegalArgumentException naming the file when the header lacks a required column
     */
    public static Table read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header row");
            }
            List<String> header = Arrays.stream(headerLine.split(",", -1)).map(String::trim).toList();
            Map<String, Integer> column = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (column.put(header.get(i), i) != null) {
                    throw new IllegalArgumentException(file + ": column '" + header.get(i) + "' appears twice");
                }
            }
            boolean hasSqrtDust = column.containsKey("sqrt_dust2");
            boolean hasDust = column.containsKey(DUST2);
            if (hasSqrtDust == hasDust) {
                throw new IllegalArgumentException(file + ": give exactly one of the columns sqrt_dust2 and dust2");
            }
            int[] inputColumns = new int[EmulatorInputs.COUNT];
            for (int i = 0; i < inputColumns.length; i++) {
                String name = i == EmulatorInputs.SQRT_DUST2 && hasDust ? DUST2 : EmulatorInputs.NAMES.get(i);
                Integer c = column.get(name);
                if (c == null) {
                    throw new IllegalArgumentException(file + ": missing column '" + name + "' (needed: "
                            + String.join(", ", EmulatorInputs.NAMES) + "; dust2 may replace sqrt_dust2)");
                }
                inputColumns[i] = c;
            }
            Integer massColumn = column.get(LOG10M);
            List<Row> rows = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            int line = 1;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != header.size()) {
                    skipped.add(new Skipped(line, "has " + cells.length + " fields, the header has " + header.size()));
                    continue;
                }
                try {
                    double[] inputs = new double[EmulatorInputs.COUNT];
                    for (int i = 0; i < inputs.length; i++) {
                        inputs[i] = number(cells, inputColumns[i], header);
                    }
                    double dust2;
                    if (hasDust) {
                        dust2 = inputs[EmulatorInputs.SQRT_DUST2];
                        require(dust2 >= 0, "dust2 = " + dust2 + " is negative");
                        inputs[EmulatorInputs.SQRT_DUST2] = Math.sqrt(dust2);
                    } else {
                        require(inputs[EmulatorInputs.SQRT_DUST2] >= 0, "sqrt_dust2 is negative");
                        dust2 = inputs[EmulatorInputs.SQRT_DUST2] * inputs[EmulatorInputs.SQRT_DUST2];
                    }
                    double z = inputs[EmulatorInputs.Z];
                    require(z >= 0, "redshift z = " + z + " is negative");
                    double log10M = Double.NaN;
                    if (massColumn != null) {
                        log10M = number(cells, massColumn, header);
                        require(z > 0, "apparent magnitudes need z > 0 (the distance modulus diverges at z = 0)");
                    }
                    rows.add(new Row(line, cells, inputs, dust2, log10M));
                } catch (BadValue e) {
                    skipped.add(new Skipped(line, e.getMessage()));
                }
            }
            return new Table(header, massColumn != null, rows, skipped);
        }
    }

    private static double number(String[] cells, int column, List<String> header) throws BadValue {
        String cell = cells[column].trim();
        if (cell.isEmpty()) {
            throw new BadValue("column '" + header.get(column) + "' is empty");
        }
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new BadValue("column '" + header.get(column) + "': '" + cell + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new BadValue("column '" + header.get(column) + "': '" + cell + "' is not finite");
        }
        return value;
    }

    private static void require(boolean ok, String reason) throws BadValue {
        if (!ok) {
            throw new BadValue(reason);
        }
    }

    /** A row's value is unusable; the message says which and why. */
    private static final class BadValue extends Exception {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
