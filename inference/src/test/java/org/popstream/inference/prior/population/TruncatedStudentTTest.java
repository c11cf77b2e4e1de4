package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class TruncatedStudentTTest {
    private final TruncatedStudentT prior = TruncatedStudentT.continuityPrior();

    @Test
    void truncatedDensityIntegratesToOneForAnyCentre() {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14);
        for (double centre : new double[] {0.0, 1.2, -4.9, 5.0}) {
            double total = 0;
            // split at the peak so the sharp core is resolved
            total += integrator.integrate(1_000_000, x -> Math.exp(prior.lnDensity(x, centre)), -5.0, centre);
            if (centre < 5.0) {
                total += integrator.integrate(1_000_000, x -> Math.exp(prior.lnDensity(x, centre)), centre, 5.0);
            }
            assertEquals(1.0, total, 1e-8, "centre " + centre);
        }
    }

    @Test
    void untruncatedDensityIsTheNuTwoStudentT() {
        // (2√2 s)⁻¹ (1 + x²/(2s²))^{-3/2} at x = s: (2√2·0.3)⁻¹·1.5^{-1.5}
        double expected = Math.log(1.0 / (2 * Math.sqrt(2) * 0.3) * Math.pow(1.5, -1.5));
        assertEquals(expected, prior.lnDensityUntruncated(0.3, 0.0), 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, prior.lnDensity(5.1, 0.0));
        assertEquals(Double.NEGATIVE_INFINITY, prior.lnDensityUntruncated(-5.1, 0.0));
    }
}
