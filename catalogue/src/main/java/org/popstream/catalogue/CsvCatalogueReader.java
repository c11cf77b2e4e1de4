package org.popstream.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Comma-separated catalogue with a header line (RFC 4180 quoting; {@code #} lines are comments). */
public final class CsvCatalogueReader implements CatalogueReader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvCatalogueReader.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(false)
            .get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CatalogueLayout layout;
    private final RowInterpreter interpreter;
    private final long rowCount;

    private CsvCatalogueReader(Path file, CSVParser parser, CatalogueLayout layout, long rowCount) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.layout = layout;
        this.interpreter = new RowInterpreter(layout);
        this.rowCount = rowCount;
    }

    public static CsvCatalogueReader open(Path file, Survey survey) throws IOException, CatalogueFormatException {
        long rows = countDataLines(file);
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader(file));
        } catch (IllegalArgumentException e) {
            throw new CatalogueFormatException(file, "bad CSV header: " + e.getMessage(), e);
        }
        try {
            CatalogueLayout layout = CatalogueLayout.of(file, parser.getHeaderNames(), survey);
            if (!layout.ignoredColumnsWarning().isEmpty()) {
                LOG.warn("{}: {}", file.getFileName(), layout.ignoredColumnsWarning());
            }
            return new CsvCatalogueReader(file, parser, layout, rows);
        } catch (CatalogueFormatException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("reading " + file + " failed near line " + parser.getCurrentLineNumber(), e.getCause());
        }
    }

    @Override
    public CatalogueEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        // The parser has consumed the record's line terminator: its line count is the record's last line.
        long line = parser.getCurrentLineNumber();
        return interpreter.interpret(line, record.values());
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public CatalogueLayout layout() {
        return layout;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String positionName() {
        return "line";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static long countDataLines(Path file) throws IOException {
        try (BufferedReader in = new BufferedReader(reader(file))) {
            return Math.max(0, in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1);
        }
    }
}
