package org.popstream.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.popstream.testing.SharedPaths;

/** Test access to the shared catalogues and a reader-to-list helper. */
final class Catalogues {
    private Catalogues() {}

    static Path cosmos2020() {
        return SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv");
    }

    static List<CatalogueEntry> readAll(Path file) throws IOException, CatalogueFormatException {
        try (CatalogueReader reader = CatalogueReader.open(file, Survey.COSMOS2020)) {
            List<CatalogueEntry> entries = new ArrayList<>();
            reader.forEachRemaining(entries::add);
            return entries;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
