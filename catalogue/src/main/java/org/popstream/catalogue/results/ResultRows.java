package org.popstream.catalogue.results;

import java.util.List;

/**
 * Tabular form of one kind of result record, with its columns fixed by the first record seen.
 * {@code popstream tail} writes these rows to CSV, or a few {@link #compactColumns()} to the terminal.
 */
public interface ResultRows<T> {

    List<String> header();

    /** Cells of {@code value} in header order; one record may give several rows (one per posterior draw). */
    List<List<String>> rows(T value);

    /** The header columns worth showing in a terminal table. */
    List<String> compactColumns();
}
