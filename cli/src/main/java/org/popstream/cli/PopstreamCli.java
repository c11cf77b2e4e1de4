package org.popstream.cli;

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

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PopstreamCli()).execute(args));
    }
}
