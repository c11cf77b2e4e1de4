package org.popstream.catalogue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Reads a galaxy catalogue row by row — a {@link CatalogueRow} per usable row and a
 * {@link RowError} (position + reason) per row that is not, never skipping one silently. Shared
 * by {@code popstream replay} and {@code popstream fit}. I/O failures in the middle of a file
 * surface as {@link java.io.UncheckedIOException} from {@link #next()}.
 */
public interface CatalogueReader extends Iterator<CatalogueEntry>, Closeable {

    /** Opens a CSV ({@code .csv}, {@code .csv.gz}) or FITS binary table ({@code .fits}, {@code .fit}, {@code .fts}, also gzipped). */
    static CatalogueReader open(Path file, Survey survey) throws IOException, CatalogueFormatException {
        if (!Files.isReadable(file)) {
            throw new CatalogueFormatException(file, Files.exists(file) ? "not readable" : "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (bare.endsWith(".csv")) {
            return CsvCatalogueReader.open(file, survey);
        }
        if (bare.endsWith(".fits") || bare.endsWith(".fit") || bare.endsWith(".fts")) {
            return FitsCatalogueReader.open(file, survey);
        }
        throw new CatalogueFormatException(file, "unknown catalogue format (expected .csv or .fits)");
    }

    Path file();

    /** What each column means; {@link CatalogueLayout#ignoredColumnsWarning()} was logged once on opening. */
    CatalogueLayout layout();

    /** Number of data rows (for progress reporting). */
    long rowCount();

    /** How {@link CatalogueEntry#line()} counts: "line" (CSV, header = line 1) or "row" (FITS table row). */
    String positionName();
}
