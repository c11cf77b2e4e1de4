package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.popstream.testing.SharedPaths;
import picocli.CommandLine;

/**
 * Every invalid value is a usage error: exit status 2 and one message naming the option, never a
 * stack trace. Runs the command line in-process; none of these reaches a model or a broker.
 */
class CommandLineErrorsTest {

    @TempDir Path dir;

    private record Outcome(int status, String out, String err) {}

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    private Path catalogue() throws IOException {
        return Files.writeString(dir.resolve("cat.csv"), "id,hsc_i_flux_uJy,hsc_i_fluxerr_uJy\ng1,1.0,0.1\n");
    }

    private static void assertUsageError(Outcome outcome, String option) {
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains(option), "the message names " + option + ": " + outcome.err());
        assertFalse(outcome.err().contains("Exception") || outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
    }

    @ParameterizedTest(name = "fit {0} {1}")
    @CsvSource({
        "--walkers, 3",
        "--walkers, 15",
        "--thin, 0",
        "--steps, 0",
        "--burn, -1",
        "--burn, 1000",          // not below the default 1000 steps
        "--thin, 501",           // more than steps - burn = 500
        "--starts, 20000",       // more than the bank
        "--early-stop-factor, 0",
        "--zmax, 7",
        "--seed, 1.5",
        "--threads, 0",
    })
    void fitRejectsABadValueNamingItsOption(String option, String value) throws IOException {
        Outcome outcome = run("fit", "--input", catalogue().toString(), "--output", dir.resolve("out.csv").toString(),
                option, value);

        assertUsageError(outcome, option);
        assertFalse(Files.exists(dir.resolve("out.csv")), "nothing is written");
    }

    @Test
    void aMissingInputFileIsAUsageErrorNamingTheOption() {
        Outcome outcome = run("fit", "--input", dir.resolve("absent.csv").toString(), "--output", dir.resolve("o.csv").toString());

        assertUsageError(outcome, "--input");
        assertTrue(outcome.err().contains("absent.csv"), outcome.err());
    }

    @Test
    void runChecksTheSameLimitsAsFit() {
        Outcome outcome = run("run", "--remote", "--bootstrap", "localhost:9092", "--models", SharedPaths.models().toString(),
                "--steps", "100", "--burn", "50", "--thin", "51");

        assertUsageError(outcome, "--thin");
    }

    @Test
    void demoChecksItsOwnSmallerDefaultsTogetherWithGivenValues() {
        // the demo's default burn is 200: 150 steps leave nothing to record
        Outcome outcome = run("demo", "--steps", "150", "--models", SharedPaths.models().toString(), "--catalogue", SharedPaths.data(
                "cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv").toString());

        assertUsageError(outcome, "--burn");
    }

    @Test
    void helpTextsFormatWithoutWarnings() {
        // picocli reports a description it cannot format on System.err, not on the command's writer
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> commands = new ArrayList<>(PopstreamCli.commandLine().getSubcommands().keySet());
        Outcome calibrate;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (String command : commands) {
                Outcome outcome = run(command, "--help");
                assertFalse(outcome.out().contains("Could not format") || outcome.err().contains("Could not format"),
                        command + " --help: " + outcome.err());
            }
            calibrate = run("calibrate", "--help");
        } finally {
            System.setErr(original);
        }
        assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("Could not format"), warnings.toString(StandardCharsets.UTF_8));
        assertTrue(calibrate.out().contains("10–97 %"), "floors as the README reports them: " + calibrate.out());
    }

    @Test
    void everyCommandSummaryIsAWholeSentence() {
        CommandLine cli = PopstreamCli.commandLine();
        cli.getSubcommands().forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0 && description[0].endsWith("."),
                    name + ": the summary 'popstream --help' shows is '" + (description.length > 0 ? description[0] : "") + "'");
        });
    }
}
