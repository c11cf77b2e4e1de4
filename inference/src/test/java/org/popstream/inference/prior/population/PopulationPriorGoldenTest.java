package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.inference.prior.population.GoldenAssert.assertClose;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.cosmology.FlatLambdaCdm;

/**
 * The Planck18 terms against golden/population_prior*.csv. Tolerances are tighter than population-prior.md §6
 * asks where we measured better agreement (closed forms ~1e-13, exact ρ ~1e-11, 2000-node ρ table 4e-6).
 */
class PopulationPriorGoldenTest {
    private static final GoldenRows GOLDEN = GoldenRows.read("population_prior.csv");
    private static final Map<String, Double> SCALARS = GoldenRows.scalars("population_prior_scalars.csv");
    private static TabulatedExpansionHistory planck18;
    private static RedshiftMassPrior redshiftMass;
    private static SfhExpectation exactSfh;
    private static DynamicSfhPrior tabulatedSfh;

    @BeforeAll
    static void build() {
        planck18 = TabulatedExpansionHistory.planck18();
        redshiftMass = new RedshiftMassPrior(new LejaStellarMassFunction(), new ComovingVolumeElement(planck18),
                PopulationBox.standard());
        exactSfh = SfhExpectation.recommended(planck18, CosmicSfrDensity.behroozi19());
        tabulatedSfh = new DynamicSfhPrior(exactSfh, TruncatedStudentT.continuityPrior(), DynamicSfhPrior.DEFAULT_NODES);
    }

    @Test
    void tabulatedCosmologyAgreesWithTheExactIntegrals() {
        FlatLambdaCdm exact = FlatLambdaCdm.planck18();
        for (double z : new double[] {1e-3, 0.013, 0.5, 1.234, 3.0, 5.999, 14.7}) {
            // cubic Hermite E(z) on a 0.01 grid: ~2e-11 relative
            assertEquals(exact.comovingDistanceMpc(z), planck18.comovingDistanceMpc(z), 1e-10 * exact.comovingDistanceMpc(z));
            assertEquals(exact.ageGyr(z), planck18.ageGyr(z), 1e-10 * exact.ageGyr(z));
        }
        assertEquals(SCALARS.get("age0_planck18_gyr"), planck18.ageGyr(0.0), 1e-9);
    }

    @Test
    void normaliserMatchesGolden() {
        assertEquals(SCALARS.get("lnC_L20_box"), redshiftMass.lnNormaliser(), 1e-9);
    }

    @Test
    void marginalRedshiftMassInBinsMatchesGolden() {
        var integrator = new org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator(16, 1e-11, 1e-14);
        java.util.function.DoubleBinaryOperator mass = (lo, hi) -> {
            double total = 0;
            double[] cuts = {lo, Math.max(lo, Math.min(hi, 0.2)), Math.max(lo, Math.min(hi, 3.0)), hi};
            for (int i = 0; i + 1 < cuts.length; i++) {
                if (cuts[i + 1] > cuts[i]) {
                    total += integrator.integrate(1_000_000, z -> Math.exp(redshiftMass.lnMarginalDensity(z)), cuts[i], cuts[i + 1]);
                }
            }
            return total;
        };
        assertEquals(SCALARS.get("P_marginal_z_0_1"), mass.applyAsDouble(1e-12, 1.0), 1e-8);
        assertEquals(SCALARS.get("P_marginal_z_1_2"), mass.applyAsDouble(1.0, 2.0), 1e-8);
        assertEquals(SCALARS.get("P_marginal_z_3_6"), mass.applyAsDouble(3.0, 6.0), 1e-8);
    }

    @Test
    void redshiftMassTermMatchesGolden() {
        for (Map<String, Double> row : GOLDEN.rows()) {
            double z = row.get("z");
            double mu = row.get("log10M");
            assertClose(row.get("ln_dVdz"), new ComovingVolumeElement(planck18).lnDVdz(z), 1e-9, row, "ln_dVdz");
            assertClose(row.get("ln_p_z_marginal"), redshiftMass.lnMarginalDensity(z), 1e-9, row, "ln_p_z_marginal");
            assertClose(row.get("ln_p_zM"), redshiftMass.lnDensity(z, mu), 1e-9, row, "ln_p_zM");
        }
    }

    @Test
    void exactSfhExpectationMatchesGolden() {
        for (Map<String, Double> row : GOLDEN.rows()) {
            double z = row.get("z");
            double mu = row.get("log10M");
            assertClose(row.get("delta_t_dex"), exactSfh.massShiftDex(mu), 1e-12, row, "delta_t_dex");
            assertClose(row.get("z_shift"), exactSfh.shiftedRedshift(z, mu), 1e-6, row, "z_shift");
            double[] rho = exactSfh.expectedRatios(exactSfh.shiftedAge(z, mu));
            for (int j = 0; j < 6; j++) {
                assertClose(row.get("rho" + (j + 1)), rho[j], 1e-9, row, "rho" + (j + 1));
            }
        }
    }

    @Test
    void tabulatedSfhTermMatchesGolden() {
        double worstRho = 0;
        for (Map<String, Double> row : GOLDEN.rows()) {
            double z = row.get("z");
            double mu = row.get("log10M");
            double[] rho = tabulatedSfh.expectedRatios(z, mu);
            for (int j = 0; j < 6; j++) {
                assertClose(row.get("rho" + (j + 1)), rho[j], 2e-5, row, "rho" + (j + 1));
                worstRho = Math.max(worstRho, Math.abs(row.get("rho" + (j + 1)) - rho[j]));
            }
            double[] r = GoldenRows.ratios(row);
            assertClose(row.get("ln_p_sfh_trunc"), tabulatedSfh.lnDensity(r, z, mu), 1e-4, row, "ln_p_sfh_trunc");
            assertClose(row.get("ln_p_sfh_untrunc"), tabulatedSfh.lnDensityUntruncated(r, z, mu), 1e-4, row, "ln_p_sfh_untrunc");
        }
        assertTrue(worstRho < 2e-5, "worst ρ " + worstRho);
    }

    @Test
    void assembledTermsMatchGoldenTotal() {
        PopulationPrior prior = new PopulationPrior(PopulationPriorSettings.recommended(), redshiftMass,
                MassMetallicityRelation.gallazzi05(), tabulatedSfh);
        for (Map<String, Double> row : GOLDEN.rows()) {
            double total = prior.lnDensity(row.get("z"), row.get("log10M"), row.get("log10Z"), GoldenRows.ratios(row), 0.0);
            assertClose(row.get("ln_p_total"), total, 1e-4, row, "ln_p_total");
        }
    }
}
