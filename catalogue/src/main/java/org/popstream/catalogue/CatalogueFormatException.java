package org.popstream.catalogue;

import java.nio.file.Path;

/** The catalogue file as a whole cannot be read (missing id column, no band of the survey, not a table, ...). */
public final class CatalogueFormatException extends Exception {

    public CatalogueFormatException(Path file, String message) {
        super(file + ": " + message);
    }

    public CatalogueFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
