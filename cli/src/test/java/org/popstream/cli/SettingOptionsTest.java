package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.popstream.inference.settings.FitOptions;
import org.popstream.inference.settings.Setting;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.JobOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The defaults the help prints are the defaults used, and both are the declared ones. */
class SettingOptionsTest {

    private static final List<Setting<?>> DECLARED = declared();

    private static List<Setting<?>> declared() {
        List<Setting<?>> all = new java.util.ArrayList<>(FitOptions.SAMPLER);
        all.addAll(FitOptions.INITIALISATION);
        all.addAll(JobOptions.ALL);
        return all;
    }

    /** The help line of {@code option}, on a width where nothing wraps. */
    private static String helpLine(CommandLine command, String option) {
        command.setUsageHelpWidth(400);
        command.getCommandSpec().usageMessage().longOptionsMaxWidth(60);
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        return Arrays.stream(usage.split("\n")).filter(l -> l.trim().startsWith(option + "=")
                || l.trim().startsWith(option + " "))
                .findFirst().orElseThrow(() -> new AssertionError(option + " not in the help of " + command.getCommandName()));
    }

    @Test
    void fitAndRunShowAndUseTheDeclaredDefaults() {
        CommandLine cli = PopstreamCli.commandLine();
        int checked = 0;
        List<Setting<?>> fitSettings = new java.util.ArrayList<>(FitOptions.SAMPLER);
        fitSettings.addAll(FitOptions.INITIALISATION);
        for (String name : List.of("fit", "run")) {
            CommandLine command = cli.getSubcommands().get(name);
            // fit's --samples is its own (a file of draws), not the job's samples.enabled
            for (Setting<?> setting : name.equals("fit") ? fitSettings : DECLARED) {
                if (setting.option() == null || !setting.hasDefault()) {
                    continue;
                }
                if (Boolean.TRUE.equals(setting.defaultValue())) {
                    // on by default: the option switches it off
                    String off = "--no-" + setting.option().substring(2);
                    if (command.getCommandSpec().findOption(off) == null) {
                        continue;
                    }
                    assertTrue(helpLine(command, off).contains("(on by default)"), helpLine(command, off));
                    checked++;
                    continue;
                }
                OptionSpec option = command.getCommandSpec().findOption(setting.option());
                if (option == null) {
                    continue;
                }
                assertEquals(setting.defaultText(), option.defaultValue(), name + " " + setting.option());
                assertTrue(helpLine(command, setting.option()).contains("(default: " + setting.defaultText() + ")"),
                        name + " " + setting.option() + ": " + helpLine(command, setting.option()));
                checked++;
            }
        }
        assertTrue(checked >= 30, "fit and run expose the sampler, initialisation and job settings: " + checked);
    }

    @Test
    void runShowsTheJobsRealSeedDefault() {
        CommandLine run = PopstreamCli.commandLine().getSubcommands().get("run");
        assertTrue(helpLine(run, "--seed").contains("(default: " + JobConfigParser.DEFAULTS.get("sampler.seed") + ")"),
                helpLine(run, "--seed"));
        assertEquals("0", JobConfigParser.DEFAULTS.get("sampler.seed"));
    }

    @Test
    void theDemoShowsItsOwnDefaultsAndPassesThemToTheJob() {
        CommandLine cli = PopstreamCli.commandLine();
        CommandLine demo = cli.getSubcommands().get("demo");
        assertTrue(helpLine(demo, "--walkers").contains("(default: 32)"), helpLine(demo, "--walkers"));

        cli.parseArgs("demo", "--steps", "600");
        SettingOptions settings = ((DemoCommand) demo.getCommand()).settingOptions();
        Map<String, String> keys = settings.asKeys(demo.getParseResult());
        assertEquals("600", keys.get(FitOptions.STEPS.key()), "given");
        assertEquals("32", keys.get(FitOptions.WALKERS.key()), "the demo's own default travels to the job");
        assertEquals(null, keys.get(FitOptions.STARTS.key()), "not an option of the demo");
    }

    @Test
    void flagsThatDefaultToOnAreSwitchedOffWithNo() {
        CommandLine cli = PopstreamCli.commandLine();
        cli.parseArgs("fit", "--input", "pom.xml", "--output", "x.csv", "--no-anneal");
        FitArguments fit = ((FitCommand) cli.getSubcommands().get("fit").getCommand()).fit;
        assertEquals(false, fit.get(FitOptions.ANNEAL));
        assertEquals(true, fit.get(FitOptions.OPTIMISE));
        assertNotNull(cli.getSubcommands().get("fit").getCommandSpec().findOption("--no-optimise"));

        cli.parseArgs("fit", "--input", "pom.xml", "--output", "x.csv");
        fit = ((FitCommand) cli.getSubcommands().get("fit").getCommand()).fit;
        assertEquals(true, fit.get(FitOptions.ANNEAL), "parsing again starts from the default");
    }
}
