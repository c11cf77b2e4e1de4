package org.popstream.inference.emission;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The value of {@code --emission-lines} / job key {@code emission.lines}: {@code none} (no emission-line
 * term, the default), {@code leistedt23} (the upstream constants) or the path of a table file
 * ({@link EmissionLineTableFile}).
 *
 * @param value the option as given (for logs and error messages)
 * @param table the calibration to apply; empty for {@code none}
 */
public record EmissionLineSetting(String value, Optional<EmissionLineTable> table) {

    public static final String NONE_VALUE = "none";
    public static final String LEISTEDT23_VALUE = "leistedt23";
    public static final EmissionLineSetting NONE = new EmissionLineSetting(NONE_VALUE, Optional.empty());

    /**
     * @throws IllegalArgumentException naming the value or the file and what is wrong with it
     */
    public static EmissionLineSetting parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("emission lines: expected none, leistedt23 or a table file, got an empty value");
        }
        String v = value.trim();
        if (v.equalsIgnoreCase(NONE_VALUE)) {
            return NONE;
        }
        if (v.equalsIgnoreCase(LEISTEDT23_VALUE)) {
            return new EmissionLineSetting(LEISTEDT23_VALUE, Optional.of(EmissionLineTable.leistedt23()));
        }
        Path file = Path.of(v);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("emission lines: '" + v + "' is neither none, leistedt23 nor an existing "
                    + "table file");
        }
        return new EmissionLineSetting(v, Optional.of(EmissionLineTableFile.read(file)));
    }

    public boolean enabled() {
        return table.isPresent();
    }
}
