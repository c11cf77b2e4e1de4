package org.popstream.inference.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeroPointTableTest {
    @TempDir Path dir;

    @Test
    void writtenTableReadsBackAsCalibration() {
        Path file = dir.resolve("zp.csv");
        ZeroPointTable.write(file, List.of(
                new ZeroPointEstimate("hsc_g", 1.083, 0.004, 120, 0.02),
                new ZeroPointEstimate("hsc_i", 1.0, 0.0, 130, 0.0)));
        BandCalibration c = ZeroPointTable.toCalibration(ZeroPointTable.read(file), List.of("hsc_g", "hsc_r", "hsc_i"), null);
        assertArrayEquals(new double[] {1.083, 1.0, 1.0}, c.factors(), 1e-12);
        assertArrayEquals(new double[] {0.02, 0.0, 0.0}, c.errorFloors(), 1e-12);

        BandCalibration uniform = ZeroPointTable.toCalibration(ZeroPointTable.read(file), List.of("hsc_g", "hsc_i"),
                ErrorFloors.parse("0.05"));
        assertArrayEquals(new double[] {0.05, 0.05}, uniform.errorFloors(), 0.0);
        assertArrayEquals(new double[] {0.02, 0.0}, ErrorFloors.parse(file.toString()).forBands(List.of("hsc_g", "hsc_i")), 0.0);
    }

    @Test
    void badRowsAreReportedWithTheirLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "band,factor\nhsc_g,1.02\nhsc_r,abc\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZeroPointTable.read(file));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("factor"), e.getMessage());

        Files.writeString(file, "band,factor\nhsc_q,1.02\n");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ZeroPointTable.toCalibration(ZeroPointTable.read(file), List.of("hsc_g"), null));
        assertTrue(unknown.getMessage().contains("hsc_q"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ErrorFloors.parse("-0.1"));
        assertThrows(IllegalArgumentException.class, () -> ErrorFloors.parse(file.toString()));
        assertEquals(0.0, ErrorFloors.parse("0").forBands(List.of("a"))[0]);
    }
}
