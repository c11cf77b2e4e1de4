package org.popstream.catalogue;

/**
 * A data row that cannot become an event, with every reason found (e.g. "hsc_g_fluxerr_uJy: error
 * must be > 0, got -0.1"). {@code id} is null when the row has none.
 */
public record RowError(long line, String id, String reason) implements CatalogueEntry {}
