package org.popstream.job.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The job's {@code main} arguments: {@code key=value} settings (the keys of {@link JobConfigParser}),
 * optionally preceded by {@code --config FILE} with the same keys as a properties file; arguments
 * override the file. This is what {@code flink run ... job.jar} passes.
 */
public final class JobArguments {

    private JobArguments() {}

    public static Map<String, String> settings(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config")) {
                if (i + 1 == args.length) {
                    throw new InvalidConfigException("--config", "needs a properties file");
                }
                settings.putAll(fromFile(Path.of(args[++i])));
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConfigException(arg, "expected key=value");
            }
            settings.put(arg.substring(0, eq).trim(), arg.substring(eq + 1).trim());
        }
        return settings;
    }

    static Map<String, String> fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        return settings;
    }
}
