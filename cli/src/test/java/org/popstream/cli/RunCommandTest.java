package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.popstream.testing.SharedPaths;
import picocli.CommandLine;

/** {@code popstream run} up to the point where it would start Flink: options, validation, --remote. */
class RunCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PopstreamCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void remotePrintsTheFlinkRunSubmissionWithTheChosenSettingsAndNoSecrets() {
        int exit = run("run", "--remote", "--bootstrap", "kafka-1:9092,kafka-2:9092",
                "--models", SharedPaths.models().toString(), "--batch-size", "8", "--walkers", "32", "--seed", "5",
                "--kafka", "security.protocol=SASL_SSL", "--kafka", "sasl.jaas.config=PlainLoginModule password=\"pw-123\";",
                "--job-jar", "/opt/popstream-job.jar");

        assertEquals(0, exit, err.toString());
        String printed = out.toString();
        assertTrue(printed.contains("flink run --detached --class org.popstream.job.PopstreamJob /opt/popstream-job.jar"), printed);
        assertTrue(printed.contains("'bootstrap.servers=kafka-1:9092,kafka-2:9092'"), printed);
        assertTrue(printed.contains("'batch.size=8'"), printed);
        assertTrue(printed.contains("'sampler.walkers=32'"), printed);
        assertTrue(printed.contains("'kafka.security.protocol=SASL_SSL'"), printed);
        assertFalse(printed.contains("pw-123"), printed);
        assertTrue(printed.contains("-Pjob-jar"), "says how to build the jar: " + printed);
    }

    @Test
    void invalidSettingIsReportedByItsOptionOrKeyWithoutStartingAnything() {
        int exit = run("run", "--bootstrap", "localhost:9092", "--models", SharedPaths.models().toString(),
                "--batch-size", "0");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("--batch-size"), err.toString());

        err.getBuffer().setLength(0);
        exit = run("run", "--bootstrap", "localhost:9092", "--models", SharedPaths.models().toString(),
                "--set", "batch.size=0");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("batch.size"), "set by key, named by key: " + err);
    }

    @Test
    void missingModelDirectoryIsReported() {
        int exit = run("run", "--bootstrap", "localhost:9092", "--models", "/no/such/models");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("/no/such/models"), err.toString());
    }

    @Test
    void unknownSettingKeyIsAnError() {
        int exit = run("run", "--remote", "--bootstrap", "localhost:9092", "--models", SharedPaths.models().toString(),
                "--set", "batch.sise=3");

        assertEquals(2, exit);
        assertTrue(err.toString().contains("batch.sise"), err.toString());
    }
}
