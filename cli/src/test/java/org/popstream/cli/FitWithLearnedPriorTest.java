package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.CsvTable;
import org.popstream.testing.SharedPaths;
import picocli.CommandLine;

/** {@code popstream fit --prior learned:PATH} end to end on one real COSMOS row, with tiny settings. */
class FitWithLearnedPriorTest {

    @TempDir
    Path dir;

    @Test
    void fitsWithTheSyntheticPopulationModelAsPrior() throws IOException {
        CsvTable cosmos = CsvTable.read(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv")).head(1);
        Path input = dir.resolve("one.csv");
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", cosmos.header()));
        for (List<String> row : cosmos.rows()) {
            lines.add(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList()));
        }
        Files.write(input, lines);
        Path output = dir.resolve("out.csv");
        Path model = SharedPaths.shared().resolve("models/test-diffusion/population_vp.pt");

        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute("fit", "--input", input.toString(), "--output", output.toString(),
                "--models", SharedPaths.models().toString(), "--prior", "learned:" + model, "--prior-grid-steps", "8",
                "--walkers", "8", "--steps", "10", "--burn", "4", "--thin", "2", "--bank", "16", "--starts", "1",
                "--adam-steps", "5", "--bands", "hsc_g,hsc_r,hsc_i", "--threads", "1", "--seed", "1", "--batch", "1");

        assertEquals(0, status, err.toString());
        CsvTable out = CsvTable.read(output);
        assertEquals(1, out.rows().size());
        double z = Double.parseDouble(out.cell(0, "z_p50"));
        assertTrue(z >= 0 && z <= 6, "z_p50 " + z + " outside the box");
        assertTrue(Double.isFinite(Double.parseDouble(out.cell(0, "lnpost_max"))), out.cell(0, "lnpost_max"));
    }

    @Test
    void anUnknownPriorIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        Path catalogue = SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv");
        int status = cli.execute("fit", "--input", catalogue.toString(), "--output", "y.csv", "--prior", "flat");
        assertEquals(2, status, err.toString());
        assertTrue(err.toString().contains("analytic, beta or learned:PATH"), err.toString());
    }
}
