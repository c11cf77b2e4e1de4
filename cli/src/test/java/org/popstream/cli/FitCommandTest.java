package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.CsvTable;
import org.popstream.testing.SharedPaths;
import picocli.CommandLine;

/** Runs {@code popstream fit} on three real COSMOS rows plus a broken one, with tiny sampler settings. */
class FitCommandTest {

    @TempDir
    Path dir;

    @Test
    void fitsGoodRowsCopiesAttributesAndReportsTheBrokenLine() throws IOException {
        CsvTable cosmos = CsvTable.read(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv")).head(4)
                .withCell(2, "hsc_g_fluxerr_uJy", "-0.5"); // data row 3 = file line 4
        Path input = dir.resolve("four.csv");
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.join(",", cosmos.header()));
        for (List<String> row : cosmos.rows()) {
            lines.add(String.join(",", row.stream().map(c -> c.contains(",") ? "\"" + c + "\"" : c).toList()));
        }
        Files.write(input, lines);
        Path output = dir.resolve("out.csv");
        Path samples = dir.resolve("draws.csv");

        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute("fit", "--input", input.toString(), "--output", output.toString(),
                "--samples", samples.toString(), "--models", SharedPaths.models().toString(),
                "--walkers", "16", "--steps", "20", "--burn", "10", "--thin", "5", "--bank", "512",
                "--starts", "2", "--adam-steps", "10", "--bands", "u_megaprime_sagem,hsc_g,hsc_r,hsc_i,irac1_cosmos",
                "--threads", "1", "--seed", "4");

        assertEquals(FitCommand.ROWS_SKIPPED, status, err.toString());
        assertTrue(err.toString().contains("line 4"), err.toString());
        CsvTable out = CsvTable.read(output);
        assertEquals(3, out.rows().size());
        assertTrue(out.header().containsAll(List.of("id", "z_mean", "z_p2_5", "z_p97_5", "log10Mstar_p50", "log10sSFR_p16",
                "mw_age_gyr_p84", "gaslog10U_std", "p_quenched_10", "p_quenched_11", "acceptance", "tau_max", "ess_min",
                "converged", "steps_used", "n_bands", "lnpost_max", "spec_z", "upper_limit_bands")), out.header().toString());
        assertTrue(out.header().indexOf("lnpost_max") < out.header().indexOf("spec_z"));
        for (int r = 0; r < 3; r++) {
            int source = r < 2 ? r : 3;
            assertEquals(cosmos.cell(source, "id"), out.cell(r, "id"));
            assertEquals(cosmos.cell(source, "spec_z"), out.cell(r, "spec_z"));
            assertEquals("20", out.cell(r, "steps_used"));
            double z16 = Double.parseDouble(out.cell(r, "z_p16"));
            double z84 = Double.parseDouble(out.cell(r, "z_p84"));
            assertTrue(0 <= z16 && z16 <= z84 && z84 <= 6, "z interval " + z16 + ".." + z84);
        }
        // 2 recorded steps × 16 walkers per galaxy, each with its log posterior, the best one being lnpost_max
        CsvTable draws = CsvTable.read(samples);
        assertEquals(3 * 2 * 16, draws.rows().size());
        for (int r = 0; r < 3; r++) {
            String id = out.cell(r, "id");
            double best = Double.NEGATIVE_INFINITY;
            for (int d = 0; d < draws.rows().size(); d++) {
                if (draws.cell(d, "id").equals(id)) {
                    best = Math.max(best, Double.parseDouble(draws.cell(d, "ln_posterior")));
                }
            }
            assertEquals(Double.parseDouble(out.cell(r, "lnpost_max")), best, 1e-3 * Math.abs(best), "galaxy " + id);
        }
    }
}
