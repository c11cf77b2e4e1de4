package org.popstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code popstream bench <what>}: throughput benchmarks, one subcommand per component. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Throughput benchmarks.",
        subcommands = {EmulatorBenchCommand.class, SamplerBenchCommand.class, PriorBenchCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
