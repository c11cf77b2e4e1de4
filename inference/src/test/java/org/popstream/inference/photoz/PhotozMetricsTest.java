package org.popstream.inference.photoz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhotozMetricsTest {

    private static RedshiftEstimate around(double median, double halfWidth68) {
        return new RedshiftEstimate(median, median - 2 * halfWidth68, median - halfWidth68, median + halfWidth68,
                median + 2 * halfWidth68, 100);
    }

    @Test
    void definitionsOfScienceSection8() {
        double[] specZ = {3.0, 3.0, 3.0, 3.0, 3.0, 3.0};
        // Δ = (z_phot − 3)/4: 0.01, −0.02, 0.03, 0.5 (outlier, high), −0.6875 (outlier at z_phot 0.25), failed
        List<RedshiftEstimate> estimates = List.of(around(3.04, 0.05), around(2.92, 0.05), around(3.12, 0.05),
                around(5.0, 0.1), around(0.25, 0.1), RedshiftEstimate.failed());
        PhotozMetrics m = PhotozMetrics.of(estimates, specZ);
        assertEquals(5, m.galaxies());
        assertEquals(1, m.failed());
        assertEquals(0.01, m.bias(), 1e-12); // median of {−0.6875, −0.02, 0.01, 0.03, 0.5}
        assertEquals(1.48 * 0.03, m.sigmaNmad(), 1e-12); // median |Δ| of {0.01, 0.02, 0.03, 0.5, 0.6875}
        assertEquals(0.4, m.outlierFraction(), 1e-12);
        assertEquals(0.5, m.outliersBelowZ1(), 1e-12);
        // 68 %: 3.04 ± 0.05 and 2.92 ± 0.05 (to 2.97) ... only the first contains 3.0
        assertEquals(1 / 5.0, m.coverage68(), 1e-12);
        // 95 %: ±0.1 adds 2.92 (to 3.02) and 3.12 (from 3.02: no)
        assertEquals(2 / 5.0, m.coverage95(), 1e-12);
    }
}
