package org.popstream.catalogue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One galaxy as read from a catalogue: observed bands of the survey (in survey order, all in
 * {@code unit}) and every other column as a text attribute.
 *
 * @param attributes non-band columns with non-empty cells, by column name, as written in the file
 *                   (spec_z and ra/dec are kept here too, so they travel to the results)
 */
public record CatalogueRow(
        long line,
        String id,
        OptionalDouble ra,
        OptionalDouble dec,
        OptionalDouble specZ,
        FluxUnit unit,
        List<BandValue> bands,
        Map<String, String> attributes) implements CatalogueEntry {

    public CatalogueRow {
        bands = List.copyOf(bands);
        attributes = Map.copyOf(attributes);
    }
}
