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
import org.popstream.inference.calibration.ZeroPointTable;
import org.popstream.testing.SharedPaths;
import picocli.CommandLine;

/** {@code popstream calibrate} on real COSMOS rows: one row per band, history printed, bad rows reported. */
class CalibrateCommandTest {
    @TempDir Path dir;

    @Test
    void writesOneRowPerBandAndPrintsTheHistory() throws IOException {
        List<String> source = Files.readAllLines(
                SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv"));
        List<String> lines = new ArrayList<>(source.subList(0, 31));
        String header = lines.get(0);
        int specZ = List.of(header.split(",", -1)).indexOf("spec_z");
        String[] broken = lines.get(5).split(",", -1);
        broken[specZ] = "";
        lines.set(5, String.join(",", broken)); // line 6: no redshift
        Path input = Files.write(dir.resolve("train.csv"), lines);
        Path output = dir.resolve("zp.csv");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute("calibrate", "--input", input.toString(), "--output", output.toString(),
                "--bank-size", "64", "--max-iter", "2", "--models", SharedPaths.models().toString());

        assertTrue(status == 0 || status == CalibrateCommand.NOT_CONVERGED, "status " + status + "\n" + err);
        assertTrue(err.toString().contains("line 6") && err.toString().contains("spec_z"), err.toString());
        assertTrue(out.toString().contains("training galaxies: 29"), out.toString());
        assertTrue(out.toString().contains("iteration  1") && out.toString().contains("iteration  2"), out.toString());
        List<String> written = Files.readAllLines(output);
        assertEquals(String.join(",", ZeroPointTable.HEADER), written.get(0));
        assertEquals(27, written.size());
        var table = ZeroPointTable.read(output);
        assertEquals(1.0, table.get("hsc_i")[0], 0.0, "reference band");
        table.forEach((band, row) -> assertTrue(row[0] > 0.2 && row[0] < 5, band + " factor " + row[0]));
    }
}
