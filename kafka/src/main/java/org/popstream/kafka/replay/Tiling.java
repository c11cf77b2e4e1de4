package org.popstream.kafka.replay;

import org.popstream.catalogue.CatalogueRow;

/**
 * How catalogue rows are grouped into survey tiles, the unit in which a survey publishes: either
 * fixed-size runs of rows or runs of equal values in a column. A tile is sent and flushed as a
 * whole before the next starts.
 */
public sealed interface Tiling permits Tiling.BySize, Tiling.ByColumn {

    /** Tile id of the {@code index}-th (0-based) usable row. */
    String tileOf(long index, CatalogueRow row);

    /** Consecutive runs of {@code size} rows: tile-00000, tile-00001, … */
    record BySize(int size) implements Tiling {
        public BySize {
            if (size < 1) {
                throw new IllegalArgumentException("tile size must be >= 1, got " + size);
            }
        }

        @Override
        public String tileOf(long index, CatalogueRow row) {
            return String.format("tile-%05d", index / size);
        }
    }

    /**
     * The value of a catalogue column (an attribute), e.g. a tract or patch number; rows without
     * a value go to tile "none". Rows are not reordered: sort the catalogue by the column to send
     * each tile once.
     */
    record ByColumn(String column) implements Tiling {
        @Override
        public String tileOf(long index, CatalogueRow row) {
            return row.attributes().getOrDefault(column, "none");
        }
    }
}
