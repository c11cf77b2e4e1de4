package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.popstream.inference.prior.population.GoldenAssert.assertClose;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LejaStellarMassFunctionTest {
    private final LejaStellarMassFunction smf = new LejaStellarMassFunction();

    @Test
    void lnPhiAndNumberDensityMatchGolden() {
        for (Map<String, Double> row : GoldenRows.read("population_prior.csv").rows()) {
            double z = row.get("z");
            assertClose(row.get("ln_phi_L20"), smf.lnPhi(row.get("log10M"), z), 1e-9, row, "ln_phi_L20");
            assertClose(row.get("ln_N_z"), Math.log(smf.numberDensity(z, 7.0, 13.0)), 1e-9, row, "ln_N_z");
        }
    }

    @Test
    void numberDensityMatchesGoldenScalars() {
        Map<String, Double> scalars = GoldenRows.scalars("population_prior_scalars.csv");
        assertEquals(scalars.get("N_L20_mu7-13_z0.2"), smf.numberDensity(0.2, 7, 13), 1e-12);
        assertEquals(scalars.get("N_L20_mu7-13_z1.0"), smf.numberDensity(1.0, 7, 13), 1e-12);
        assertEquals(scalars.get("N_L20_mu7-13_z3.0"), smf.numberDensity(3.0, 7, 13), 1e-12);
    }

    @Test
    void parametersEqualPublishedAnchorsAndAreClampedOutsideThem() {
        assertEquals(new LejaStellarMassFunction.Parameters(-2.44, -2.89, 10.79).logPhi1(), smf.parameters(0.2).logPhi1(), 1e-12);
        assertEquals(-3.29, smf.parameters(1.6).logPhi2(), 1e-12);
        assertEquals(10.84, smf.parameters(3.0).logMstar(), 1e-12);
        for (double mu = 7; mu <= 13; mu += 0.5) {
            assertEquals(smf.lnPhi(mu, 0.2), smf.lnPhi(mu, 0.1), 0.0);
            assertEquals(smf.lnPhi(mu, 3.0), smf.lnPhi(mu, 4.0), 0.0);
        }
    }
}
