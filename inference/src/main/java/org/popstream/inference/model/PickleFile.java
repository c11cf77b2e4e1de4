package org.popstream.inference.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a plain pickle file (no torch storages), e.g. numpy arrays saved with {@code pickle.dump}. */
public final class PickleFile {

    private PickleFile() {}

    public static Object load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "file not found");
        }
        try {
            return PickleReader.read(file, Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
