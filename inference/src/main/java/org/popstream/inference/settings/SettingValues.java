package org.popstream.inference.settings;

import java.util.function.Function;

/** Where settings' values come from: parsed job configuration or command-line options. */
public interface SettingValues {

    /** The value given for {@code setting}, else its default. */
    <T> T get(Setting<T> setting);

    /** How settings are named in messages: by key in the job's configuration, by option on the command line. */
    Function<Setting<?>, String> naming();
}
