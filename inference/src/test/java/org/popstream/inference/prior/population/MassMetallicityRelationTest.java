package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.popstream.inference.prior.population.GoldenAssert.assertClose;

import java.util.Map;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class MassMetallicityRelationTest {
    private final MassMetallicityRelation mzr = MassMetallicityRelation.gallazzi05();

    @Test
    void centreWidthAndDensityMatchGolden() {
        for (Map<String, Double> row : GoldenRows.read("population_prior.csv").rows()) {
            double mu = row.get("log10M");
            assertClose(row.get("mzr_mu"), mzr.centre(mu), 1e-9, row, "mzr_mu");
            assertClose(row.get("mzr_sigma"), mzr.width(mu), 1e-9, row, "mzr_sigma");
            assertClose(row.get("ln_p_Z"), mzr.lnDensity(row.get("log10Z"), mu), 1e-9, row, "ln_p_Z");
        }
    }

    @Test
    void flatBeyondTableEnds() {
        assertEquals(mzr.centre(8.87), mzr.centre(7.0), 0.0);
        assertEquals(mzr.width(8.87), mzr.width(7.0), 0.0);
        assertEquals(mzr.centre(11.87), mzr.centre(13.0), 0.0);
    }

    @Test
    void densityIsNormalisedOnTheMetallicityBounds() {
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14);
        for (double mu : new double[] {7.0, 9.0, 10.0, 11.0, 12.5}) {
            double total = integrator.integrate(100_000, z -> Math.exp(mzr.lnDensity(z, mu)), -1.98, 0.19);
            assertEquals(1.0, total, 1e-9, "∫ p(log10Z | μ = " + mu + ")");
        }
    }
}
