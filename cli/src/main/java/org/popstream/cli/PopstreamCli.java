package org.popstream.cli;

import java.io.PrintWriter;
import org.popstream.catalogue.CatalogueFormatException;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.settings.InvalidSettingException;
import org.popstream.job.config.InvalidConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code popstream} command line: one subcommand class per command, registered here. */
@Command(
        name = "popstream",
        mixinStandardHelpOptions = true,
        version = "popstream 0.1.0",
        description = "Streaming Bayesian SED fitting of galaxy photometry (pop-cosmos method).",
        subcommands = {
            CommandLine.HelpCommand.class,
            BrokerCommand.class,
            ReplayCommand.class,
            TailCommand.class,
            DemoCommand.class,
            FitCommand.class,
            MockCommand.class,
            EmulateCommand.class,
            BenchCommand.class,
            RunCommand.class,
            CalibrateCommand.class,
            CrossValidationCommand.class,
            ModelsCommand.class,
        })
public final class PopstreamCli implements Runnable {

    /** Exit status of a usage or configuration error (picocli's own for bad options). */
    static final int USAGE_ERROR = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /**
     * The command line with popstream's error reporting: a bad option value, a bad setting found while
     * a command starts, an unreadable catalogue or model directory all end with one line naming the
     * option, key or file and exit status 2; no stack traces (set POPSTREAM_STACKTRACE=1 to see one).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PopstreamCli());
        cli.setParameterExceptionHandler(PopstreamCli::usageError);
        cli.setExecutionExceptionHandler(PopstreamCli::failure);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(prefix(command) + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return USAGE_ERROR;
    }

    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        int status;
        if (e instanceof CommandLine.ParameterException parameter) {
            return usageError(parameter, parsed.originalArgs().toArray(String[]::new));
        } else if (e instanceof InvalidSettingException setting) {
            // named as the command names it: by option where it has one, else by configuration key
            String option = setting.setting().option();
            boolean hasOption = option != null && command.getCommandSpec().findOption(option) != null;
            err.println(prefix(command) + (hasOption ? option + " " + setting.problem() : setting.getMessage()));
            status = USAGE_ERROR;
        } else if (e instanceof InvalidConfigException || e instanceof CatalogueFormatException
                || e instanceof ModelFileException) {
            err.println(prefix(command) + e.getMessage());
            status = USAGE_ERROR;
        } else {
            err.println(prefix(command) + "failed: " + e);
            status = 1;
        }
        if ("1".equals(System.getenv("POPSTREAM_STACKTRACE"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }
}
