package org.popstream.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.popstream.inference.settings.InvalidSettingException;
import org.popstream.inference.settings.Setting;
import org.popstream.inference.settings.SettingValues;
import org.popstream.job.config.InvalidConfigException;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line options generated from {@link Setting} declarations, so an option's name, default,
 * description and check are the ones the streaming job's configuration uses. Each value is parsed and
 * checked by its declaration while picocli parses the command line: a bad value is a usage error
 * naming the option (exit 2). The help prints the default actually used, which is the declared one
 * unless a command gives its own ({@link #withDefault}, e.g. the demo's smaller sampler).
 *
 * <p>A command (or one of its mixins) that takes settings implements {@link TakesSettings} and names
 * {@link Transformer} as its {@code modelTransformer}; the options are added to its spec after the
 * annotations are read.
 */
final class SettingOptions implements SettingValues {

    /** A command or mixin whose options come (partly) from setting declarations. */
    interface TakesSettings {
        SettingOptions settingOptions();
    }

    /** Adds the generated options of the command and of its mixins (and theirs) to the command. */
    public static final class Transformer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            List<Object> owners = new ArrayList<>();
            collect(spec, owners);
            for (Object owner : owners) {
                if (owner instanceof TakesSettings taking) {
                    taking.settingOptions().addTo(spec);
                }
            }
            return spec;
        }

        private static void collect(CommandSpec spec, List<Object> owners) {
            owners.add(spec.userObject());
            spec.mixins().values().forEach(mixin -> collect(mixin, owners));
        }
    }

    private final List<Setting<?>> settings;
    private final Map<Setting<?>, Object> defaults = new HashMap<>();
    private final Map<Setting<?>, Object> values = new HashMap<>();

    SettingOptions(List<Setting<?>> settings) {
        for (Setting<?> setting : settings) {
            if (setting.option() == null) {
                throw new IllegalArgumentException(setting.key() + " has no command-line option");
            }
        }
        this.settings = List.copyOf(settings);
    }

    /** This command's own default for {@code setting}, checked like any value. */
    <T> SettingOptions withDefault(Setting<T> setting, T value) {
        defaults.put(setting, setting.check(value));
        return this;
    }

    List<Setting<?>> settings() {
        return settings;
    }

    /** The default this command uses for {@code setting}: its own, else the declared one. */
    @SuppressWarnings("unchecked")
    <T> T defaultOf(Setting<T> setting) {
        return defaults.containsKey(setting) ? (T) defaults.get(setting) : setting.defaultValue();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!settings.contains(setting)) {
            throw new IllegalArgumentException(setting.key() + " is not an option of this command");
        }
        return values.containsKey(setting) ? (T) values.get(setting) : defaultOf(setting);
    }

    @Override
    public Function<Setting<?>, String> naming() {
        return Setting::option;
    }

    /**
     * The settings given on the command line or defaulted by this command itself, under their
     * configuration keys, as text: what a configuration parser with the declared defaults needs to
     * arrive at the same values.
     */
    Map<String, String> asKeys(ParseResult parsed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            if (parsed.hasMatchedOption(setting.option()) || defaults.containsKey(setting)) {
                put(keys, setting);
            }
        }
        return keys;
    }

    /**
     * A configuration error as the user caused it: under the option that set the key when this
     * command has one and {@code setByKey} (e.g. {@code --set}) did not set it, else under the key.
     */
    String describe(InvalidConfigException e, Map<String, String> setByKey) {
        return settings.stream().filter(setting -> setting.key().equals(e.key()) && !setByKey.containsKey(e.key()))
                .findFirst().map(setting -> setting.option() + " (" + e.getMessage() + ")").orElse(e.getMessage());
    }

    private <T> void put(Map<String, String> keys, Setting<T> setting) {
        T value = get(setting);
        if (value != null) {
            keys.put(setting.key(), setting.text(value));
        }
    }

    private void addTo(CommandSpec spec) {
        for (Setting<?> setting : settings) {
            if (spec.findOption(setting.option()) == null) {
                spec.addOption(option(setting));
            }
        }
    }

    private <T> OptionSpec option(Setting<T> setting) {
        T defaultValue = defaultOf(setting);
        if (setting.type() == Boolean.class && Boolean.TRUE.equals(defaultValue)) {
            return switchOff(setting);
        }
        // picocli formats descriptions with String.format: a literal % must be doubled
        String description = escaped(setting.description()) + (defaultValue == null ? "." : " (default: ${DEFAULT-VALUE}).");
        OptionSpec.Builder option = OptionSpec.builder(setting.option())
                .description(description)
                .required(defaultValue == null)
                .hasInitialValue(false)
                .setter(storing(setting, Function.identity()));
        if (setting.type() == Boolean.class) {
            option.type(boolean.class).arity("0");
        } else {
            option.type(setting.type()).paramLabel("<" + setting.option().substring(2) + ">").converters(text -> {
                try {
                    return setting.parse(text);
                } catch (InvalidSettingException e) {
                    throw new TypeConversionException(e.problem());
                }
            });
        }
        if (defaultValue != null) {
            option.defaultValue(setting.text(defaultValue));
        }
        return option.build();
    }

    /** A setting that is on by default is switched off with --no-NAME (as before the declarations). */
    private OptionSpec switchOff(Setting<?> setting) {
        return OptionSpec.builder("--no-" + setting.option().substring(2))
                .description("Switch off: " + escaped(setting.description()) + " (on by default).")
                .type(boolean.class)
                .arity("0")
                .defaultValue("false")
                .hasInitialValue(false)
                .setter(storing(setting, given -> !(Boolean) given))
                .build();
    }

    private ISetter storing(Setting<?> setting, Function<Object, Object> toValue) {
        return new ISetter() {
            @Override
            public <V> V set(V value) {
                if (value == null) {
                    values.remove(setting);
                } else {
                    values.put(setting, toValue.apply(value));
                }
                return null;
            }
        };
    }

    private static String escaped(String description) {
        return description.replace("%", "%%");
    }
}
