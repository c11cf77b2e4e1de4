package org.popstream.inference.settings;

import java.math.BigDecimal;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once: its configuration key (the streaming job's {@code key=value}), its
 * command-line option, type, default, description and the check every value must pass. The job's
 * configuration parser and the command line both read these declarations, so a default or a limit
 * cannot drift between them.
 *
 * @param key          the job's configuration key, e.g. {@code sampler.walkers}
 * @param option       the command-line option, e.g. {@code --walkers}; {@code null} when only a key
 * @param type         the value's Java type
 * @param defaultValue {@code null} when the setting is required or its default derives from others
 * @param description  one sentence for help texts, without the default (the help adds it)
 * @param check        what every value must satisfy
 * @param expectation  the check in words, completing "must be …", e.g. {@code an even number >= 4}
 */
public record Setting<T>(String key, String option, Class<T> type, T defaultValue, String description,
        Predicate<? super T> check, String expectation, Function<String, T> parser) {

    public Setting {
        if (defaultValue != null && !check.test(defaultValue)) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " fails its own check");
        }
    }

    public static Setting<Integer> integer(String key, String option, Integer defaultValue, String description,
            Predicate<Integer> check, String expectation) {
        return new Setting<>(key, option, Integer.class, defaultValue, description, check, expectation, text -> {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: '" + text + "'");
            }
        });
    }

    public static Setting<Integer> positiveInteger(String key, String option, int defaultValue, String description) {
        return integer(key, option, defaultValue, description, v -> v > 0, "> 0");
    }

    public static Setting<Long> longInteger(String key, String option, long defaultValue, String description) {
        return new Setting<>(key, option, Long.class, defaultValue, description, v -> true, "an integer", text -> {
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: '" + text + "'");
            }
        });
    }

    public static Setting<Double> decimal(String key, String option, double defaultValue, String description,
            Predicate<Double> check, String expectation) {
        return new Setting<>(key, option, Double.class, defaultValue, description, check, expectation, text -> {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: '" + text + "'");
            }
        });
    }

    public static Setting<Boolean> flag(String key, String option, boolean defaultValue, String description) {
        return new Setting<>(key, option, Boolean.class, defaultValue, description, v -> true, "true or false", text -> {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("must be true or false, got '" + text + "'");
            }
            return Boolean.valueOf(text);
        });
    }

    public static Setting<String> text(String key, String option, String defaultValue, String description) {
        return new Setting<>(key, option, String.class, defaultValue, description, v -> !v.isBlank(), "not empty",
                Function.identity());
    }

    /**
     * The value written as {@code text}, trimmed, converted and checked.
     *
     * @throws InvalidSettingException naming this setting and what is wrong
     */
    public T parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSettingException(this, "must not be empty");
        }
        T value;
        try {
            value = parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(this, e.getMessage());
        }
        return check(value);
    }

    /** {@code value} if it passes the check. */
    public T check(T value) {
        if (!check.test(value)) {
            throw new InvalidSettingException(this, "must be " + expectation + ", got " + format(value));
        }
        return value;
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** The default as it is written in a key=value file or on the command line; "" without one. */
    public String defaultText() {
        return defaultValue == null ? "" : format(defaultValue);
    }

    /** {@code value} as it is written in a key=value file or on the command line. */
    public String text(T value) {
        return format(value);
    }

    /** Numbers without a spurious ".0" (6, not 6.0), so printed defaults read as typed. */
    private static String format(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
