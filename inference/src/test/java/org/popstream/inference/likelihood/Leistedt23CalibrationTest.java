package org.popstream.inference.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.testing.SharedPaths;

class Leistedt23CalibrationTest {

    /** Every band's values equal the table in shared/docs/calibration-constants.md. */
    @Test
    void matchesThePublishedTable() throws IOException {
        List<String> bands = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (String line : Files.readAllLines(SharedPaths.shared().resolve("docs/calibration-constants.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length >= 6 && cells[1].trim().matches("\\d+") && cells[2].trim().matches("[A-Za-z][\\w.]*")
                    && bands.size() < 26) {
                bands.add(cells[2].trim());
                expected.add(new double[] {Double.parseDouble(cells[4].trim()), Double.parseDouble(cells[5].trim())});
            }
        }
        assertEquals(26, bands.size());
        LikelihoodCalibration c = Leistedt23Calibration.forBands(bands);
        for (int b = 0; b < bands.size(); b++) {
            assertEquals(expected.get(b)[0], c.zeroPoints()[b], 0, bands.get(b));
            assertEquals(expected.get(b)[1], c.errorFloors()[b], 0, bands.get(b));
        }
        assertThrows(IllegalArgumentException.class, () -> Leistedt23Calibration.forBands(List.of("lsst_g")));
    }
}
