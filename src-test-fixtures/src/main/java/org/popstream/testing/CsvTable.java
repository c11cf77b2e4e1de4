package org.popstream.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV table (header + rows of text cells) for tests: read golden files and catalogues,
 * take subsets, edit cells to make bad rows, and write the result to a temporary file.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static CsvTable read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            return new CsvTable(parser.getHeaderNames(), rows);
        }
    }

    /** The first {@code n} rows. */
    public CsvTable head(int n) {
        return new CsvTable(header, rows.subList(0, Math.min(n, rows.size())));
    }

    public int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return index;
    }

    public String cell(int row, String column) {
        return rows.get(row).get(column(column));
    }

    /** Row {@code row} as column name → cell text, in header order. */
    public Map<String, String> rowAsMap(int row) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            map.put(header.get(c), rows.get(row).get(c));
        }
        return map;
    }

    /** A copy with one cell replaced. */
    public CsvTable withCell(int row, String column, String value) {
        List<List<String>> copy = new ArrayList<>(rows);
        List<String> edited = new ArrayList<>(copy.get(row));
        edited.set(column(column), value);
        copy.set(row, edited);
        return new CsvTable(header, copy);
    }

    public Path write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                        .setRecordSeparator("\n").get().print(out)) {
            printer.printRecords(rows);
        }
        return file;
    }
}
