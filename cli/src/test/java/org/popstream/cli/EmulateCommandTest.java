package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;
import picocli.CommandLine;

/** Runs {@code popstream emulate} on rows of the golden apparent-magnitude table plus broken rows. */
class EmulateCommandTest {

    private static final List<String> BANDS = List.of("hsc_g", "irac1_cosmos");

    @TempDir
    Path dir;

    @Test
    void emulatesGoodRowsReportsBadOnesAndExitsNonZero() throws IOException {
        GoldenCsv golden = GoldenCsv.read("photulator_logM_examples.csv");
        List<Integer> goldenRows = goldenRowsFor("hsc_g", golden);
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(EmulatorInputs.NAMES);
        header.add("log10M_formed");
        List<String> lines = new ArrayList<>(List.of(String.join(",", header)));
        for (int r : goldenRows) {
            lines.add("g" + r + "," + String.join(",", cells(golden, r)));
        }
        lines.add(2, "broken," + "0.1,".repeat(14) + "abc,10"); // line 3: z not a number
        lines.add("short,1,2,3"); // last line: too few fields
        Path input = Files.write(dir.resolve("params.csv"), lines);
        Path output = dir.resolve("out.csv");

        StringWriter err = new StringWriter();
        int status = run(err, "--input", input.toString(), "--output", output.toString(),
                "--bands", String.join(",", BANDS), "--precision", "double");

        assertEquals(EmulateCommand.ROWS_SKIPPED, status, err.toString());
        assertTrue(err.toString().contains("line 3: column 'z': 'abc' is not a number"), err.toString());
        assertTrue(err.toString().contains("line " + lines.size() + ": has 4 fields"), err.toString());

        List<String> out = Files.readAllLines(output);
        List<String> outHeader = Arrays.asList(out.get(0).split(","));
        assertEquals(goldenRows.size() + 1, out.size());
        assertTrue(outHeader.containsAll(List.of("hsc_g_absmag_per_mass", "hsc_g_mag", "hsc_g_flux_nmgy",
                "irac1_cosmos_mag", "log10Mstar", "mass_remaining_fraction", "mw_age_gyr", "log10SFR", "log10sSFR")));
        for (int i = 0; i < goldenRows.size(); i++) {
            String[] cells = out.get(i + 1).split(",");
            int r = goldenRows.get(i);
            assertEquals("g" + r, cells[0]);
            double mag = Double.parseDouble(cells[outHeader.indexOf("hsc_g_mag")]);
            // the command uses the interpolated distance modulus (< 1e-5 mag from the exact one)
            assertEquals(golden.value(r, "apparent_mag_f64"), mag, 1e-5, "row " + r);
            double flux = Double.parseDouble(cells[outHeader.indexOf("hsc_g_flux_nmgy")]);
            assertEquals(golden.value(r, "flux_nanomaggies_f64"), flux, 1e-5 * flux, "row " + r);
        }
    }

    @Test
    void acceptsDust2InsteadOfItsSquareRootAndFloatPrecision() throws IOException {
        GoldenCsv golden = GoldenCsv.read("photulator_hsc_g.csv");
        List<String> header = new ArrayList<>(EmulatorInputs.NAMES);
        header.set(EmulatorInputs.SQRT_DUST2, "dust2");
        List<String> lines = new ArrayList<>(List.of(String.join(",", header)));
        for (int r = 3; r < 13; r++) {
            double[] v = golden.values(r, EmulatorInputs.NAMES);
            v[EmulatorInputs.SQRT_DUST2] *= v[EmulatorInputs.SQRT_DUST2];
            lines.add(String.join(",", Arrays.stream(v).mapToObj(Double::toString).toList()));
        }
        Path input = Files.write(dir.resolve("dust2.csv"), lines);
        Path output = dir.resolve("dust2-out.csv");

        int status = run(new StringWriter(), "--input", input.toString(), "--output", output.toString(),
                "--bands", "hsc_g");

        assertEquals(0, status);
        List<String> out = Files.readAllLines(output);
        int column = Arrays.asList(out.get(0).split(",")).indexOf("hsc_g_absmag_per_mass");
        for (int r = 3; r < 13; r++) {
            double emulated = Double.parseDouble(out.get(r - 2).split(",")[column]);
            assertEquals(golden.value(r, "output"), emulated, 2e-3, "row " + r);
        }
    }

    @Test
    void unknownBandIsAnUnusableInput() throws IOException {
        Path input = Files.write(dir.resolve("p.csv"), List.of(String.join(",", EmulatorInputs.NAMES)));
        StringWriter err = new StringWriter();
        int status = run(err, "--input", input.toString(), "--output", dir.resolve("o.csv").toString(),
                "--bands", "hsc_g,vista_q");
        assertEquals(EmulateCommand.UNUSABLE_INPUT, status);
        assertTrue(err.toString().contains("unknown band 'vista_q'"), err.toString());
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new EmulateCommand());
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--models", SharedPaths.models().toString()));
        return cli.execute(all.toArray(String[]::new));
    }

    private static List<Integer> goldenRowsFor(String band, GoldenCsv golden) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < golden.rows(); r++) {
            if (golden.text(r, "band").equals(band)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static List<String> cells(GoldenCsv golden, int row) {
        List<String> cells = new ArrayList<>();
        for (String name : EmulatorInputs.NAMES) {
            cells.add(golden.text(row, name));
        }
        cells.add(golden.text(row, "log10M_formed"));
        return cells;
    }
}
