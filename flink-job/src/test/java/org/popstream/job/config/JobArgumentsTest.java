package org.popstream.job.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgumentsTest {

    @Test
    void keyValueArgumentsOverrideTheConfigurationFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "batch.size = 16\nkafka.security.protocol=SASL_SSL\n");

        Map<String, String> settings = JobArguments.settings(
                new String[] {"--config", file.toString(), "batch.size=8", "bootstrap.servers=h:1"});

        assertEquals(Map.of("batch.size", "8", "kafka.security.protocol", "SASL_SSL", "bootstrap.servers", "h:1"), settings);
    }

    @Test
    void argumentWithoutAnEqualsSignIsNamedInTheError() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> JobArguments.settings(new String[] {"batch.size", "8"}));

        assertEquals("batch.size", error.key());
    }

    @Test
    void valuesMayContainEqualsSigns() {
        assertEquals("a=b", JobArguments.settings(new String[] {"kafka.sasl.jaas.config=a=b"}).get("kafka.sasl.jaas.config"));
    }
}
