package org.popstream.catalogue;

/** What a catalogue reader yields per data row: a usable {@link CatalogueRow} or a {@link RowError} saying why not. */
public sealed interface CatalogueEntry permits CatalogueRow, RowError {

    /** CSV: the physical line in the file (header = line 1); FITS: the table row, 1-based. */
    long line();
}
