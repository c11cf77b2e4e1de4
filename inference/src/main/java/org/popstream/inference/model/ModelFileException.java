package org.popstream.inference.model;

import java.nio.file.Path;

/** A model file is missing, unreadable or not what the loader expects; the message names the file. */
public final class ModelFileException extends RuntimeException {

    private final Path file;

    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
