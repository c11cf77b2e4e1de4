package org.popstream.inference.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.inference.emulator.EmulatorInputs;

class EmulatorInputCsvTest {

    @TempDir Path dir;

    private static final String HEADER = "id,log10Z,logsfr_ratio1,logsfr_ratio2,logsfr_ratio3,logsfr_ratio4,logsfr_ratio5,"
            + "logsfr_ratio6,dust2,dust_index,dust1_fraction,lnfagn,lnagntau,gaslog10Z,gaslog10U,z";

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("params.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void dust2BecomesTheEmulatorsSquareRootAndBadRowsAreSetAsideWithTheirLine() throws IOException {
        EmulatorInputCsv.Table table = EmulatorInputCsv.read(write(HEADER,
                "a,0,0,0,0,0,0,0,0.25,0,0.5,-3,2,0,-2,1.5",
                "b,0,0,0,0,0,0,0,-0.1,0,0.5,-3,2,0,-2,1.5",
                "c,0,0,0,0,0,0,0,0.25,0,0.5,-3,2,0,-2,x"));

        assertEquals(1, table.rows().size());
        EmulatorInputCsv.Row row = table.rows().get(0);
        assertEquals(2, row.line());
        assertEquals(0.5, row.inputs()[EmulatorInputs.SQRT_DUST2], 0.0, "sqrt(0.25)");
        assertEquals(0.25, row.dust2(), 0.0);
        assertEquals(1.5, row.inputs()[EmulatorInputs.Z], 0.0);
        assertTrue(Double.isNaN(row.log10MFormed()), "no mass column");
        assertEquals(2, table.skipped().size());
        assertEquals(3, table.skipped().get(0).line());
        assertTrue(table.skipped().get(0).reason().contains("dust2"), table.skipped().get(0).reason());
        assertEquals(4, table.skipped().get(1).line());
        assertTrue(table.skipped().get(1).reason().contains("'z'"), table.skipped().get(1).reason());
    }

    @Test
    void aMissingInputColumnIsNamed() throws IOException {
        Path file = write(HEADER.replace(",gaslog10U", ""), "a,0,0,0,0,0,0,0,0.25,0,0.5,-3,2,0,1.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmulatorInputCsv.read(file));
        assertTrue(e.getMessage().contains("gaslog10U"), e.getMessage());
    }
}
