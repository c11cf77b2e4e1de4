package org.popstream.inference.settings;

/**
 * A value a setting cannot take. The message names the setting by its key; callers that know it by
 * another name (a command-line option) use {@link #setting()} and {@link #problem()}.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final transient Setting<?> setting;
    private final String problem;

    public InvalidSettingException(Setting<?> setting, String problem) {
        super(setting.key() + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public Setting<?> setting() {
        return setting;
    }

    /** What is wrong, e.g. {@code must be an even number >= 4, got 3}. */
    public String problem() {
        return problem;
    }
}
