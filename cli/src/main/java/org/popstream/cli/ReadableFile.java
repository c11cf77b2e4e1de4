package org.popstream.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An input file option: a path that must name a readable file when the command line is parsed, so a
 * typo is a usage error naming the option (exit 2), not a failure minutes into a run.
 */
final class ReadableFile implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        Path file = Path.of(value);
        if (!Files.exists(file)) {
            throw new TypeConversionException(file + ": no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TypeConversionException(file + ": not a readable file");
        }
        return file;
    }
}
