package org.popstream.inference.emission;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The emission-line calibration file: the upstream constants' table (shared/docs/calibration-constants.md:
 * one row per corrected line with its offset and error) as CSV,
 * <pre>
 *   i,line,lambda_rest_AA,offset,error
 *   0,C II] 2326,2326.11,9.5367431640625E-7,1.4252265817180088E-13
 *   …
 * </pre>
 * Written by calibration runs and read by {@code --emission-lines FILE}; lines starting with {@code #} are comments. Lines are identified by name and
 * rest wavelength (two lines share the name {@code Mg II 2800}), so rows may come in any order; {@code i}
 * is informational. Every one of the 44 lines must appear exactly once. Numbers are written as Java's
 * shortest round-tripping decimal, so a written table reads back bit for bit.
 */
public final class EmissionLineTableFile {

    public static final List<String> HEADER = List.of("i", "line", "lambda_rest_AA", "offset", "error");
    private static final List<String> REQUIRED = List.of("line", "lambda_rest_AA", "offset", "error");
    /** A row's wavelength must be this close to the line's (Å): tells the two Mg II 2800 apart, forgives rounding. */
    static final double WAVELENGTH_TOLERANCE = 0.5;

    private EmissionLineTableFile() {}

    public static void write(Path file, EmissionLineTable table) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(out)) {
            printer.printRecord(HEADER);
            for (int l = 0; l < EmissionLines.COUNT; l++) {
                EmissionLine line = EmissionLines.SELECTED.get(l);
                printer.printRecord(l, line.name(), Double.toString(line.restWavelength()),
                        Double.toString(table.offsets()[l]), Double.toString(table.errors()[l]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emission-line table " + file, e);
        }
    }

    /** Reads a table; every problem is reported with the file, and the line of the file where there is one. */
    public static EmissionLineTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("emission-line table " + file + " not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read emission-line table " + file + ": " + e.getMessage(), e);
        }
    }

    static EmissionLineTable parse(InputStream in, String source) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        double[] offsets = new double[EmissionLines.COUNT];
        double[] errors = new double[EmissionLines.COUNT];
        long[] seenOnLine = new long[EmissionLines.COUNT];
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(source + " line 1: emission-line table needs columns " + REQUIRED
                        + ", missing " + missing + " (found " + header + ")");
            }
            for (CSVRecord record : parser) {
                String where = source + " line " + parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(where + ": expected " + header.size() + " values, found "
                            + record.size());
                }
                double lambda = number(record, "lambda_rest_AA", where);
                int l = lineIndex(record.get("line"), lambda, where);
                if (seenOnLine[l] != 0) {
                    throw new IllegalArgumentException(where + ": " + EmissionLines.SELECTED.get(l)
                            + " appears twice (first on line " + seenOnLine[l] + ")");
                }
                seenOnLine[l] = parser.getCurrentLineNumber();
                offsets[l] = number(record, "offset", where);
                errors[l] = number(record, "error", where);
                if (!Double.isFinite(offsets[l]) || !Double.isFinite(errors[l]) || !(errors[l] >= 0)) {
                    throw new IllegalArgumentException(where + ": offset must be finite and error finite and >= 0, got "
                            + offsets[l] + ", " + errors[l]);
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": not a readable CSV table: " + e.getMessage(), e);
        }
        List<String> absent = new ArrayList<>();
        int present = 0;
        for (int l = 0; l < EmissionLines.COUNT; l++) {
            if (seenOnLine[l] == 0) {
                absent.add(EmissionLines.SELECTED.get(l).toString());
            } else {
                present++;
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException(source + ": has " + present + " lines, expected all " + EmissionLines.COUNT
                    + "; missing " + absent);
        }
        return new EmissionLineTable(offsets, errors);
    }

    private static int lineIndex(String name, double lambda, String where) {
        List<Integer> named = new ArrayList<>();
        for (int l = 0; l < EmissionLines.COUNT; l++) {
            if (EmissionLines.SELECTED.get(l).name().equals(name)) {
                named.add(l);
            }
        }
        if (named.isEmpty()) {
            throw new IllegalArgumentException(where + ": unknown line name '" + name + "'; known: "
                    + EmissionLines.SELECTED.stream().map(EmissionLine::name).distinct().collect(Collectors.joining(", ")));
        }
        for (int l : named) {
            if (Math.abs(EmissionLines.SELECTED.get(l).restWavelength() - lambda) <= WAVELENGTH_TOLERANCE) {
                return l;
            }
        }
        throw new IllegalArgumentException(where + ": line '" + name + "' at " + lambda + " Å is not one of the "
                + EmissionLines.COUNT + " corrected lines (its wavelengths: "
                + named.stream().map(l -> String.format(Locale.ROOT, "%s", EmissionLines.SELECTED.get(l).restWavelength()))
                        .collect(Collectors.joining(", ")) + " Å)");
    }

    private static double number(CSVRecord record, String column, String where) {
        String cell = record.get(column);
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " is not a number: '" + cell + "'", e);
        }
    }
}
