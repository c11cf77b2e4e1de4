package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/** population-prior.md §6 checks that hold in any cosmology, run in a closed-form one. */
class CosmologyFreePropertiesTest {
    private final ExpansionHistory eds = new EinsteinDeSitter(70.0);
    private final LejaStellarMassFunction smf = new LejaStellarMassFunction();

    @Test
    void redshiftMassDensityIntegratesToOneOverTheBoxAndFollowsZmax() {
        for (double zMax : new double[] {6.0, 2.5}) {
            RedshiftMassPrior prior = new RedshiftMassPrior(smf, new ComovingVolumeElement(eds), new PopulationBox(zMax, 7, 13));
            IterativeLegendreGaussIntegrator outer = new IterativeLegendreGaussIntegrator(8, 1e-9, 1e-14);
            IterativeLegendreGaussIntegrator inner = new IterativeLegendreGaussIntegrator(8, 1e-11, 1e-14);
            double total = 0;
            double[] edges = {1e-12, 0.2, 3.0, zMax};
            for (int i = 0; i + 1 < edges.length; i++) {
                double hi = Math.min(edges[i + 1], zMax);
                if (hi > edges[i]) {
                    total += outer.integrate(100_000,
                            z -> inner.integrate(100_000, mu -> Math.exp(prior.lnDensity(z, mu)), 7, 13), edges[i], hi);
                }
            }
            assertEquals(1.0, total, 1e-7, "zmax " + zMax);
            assertEquals(Double.NEGATIVE_INFINITY, prior.lnDensity(zMax + 0.01, 10));
            assertEquals(Double.NEGATIVE_INFINITY, prior.lnDensity(1.0, 6.99));
            assertEquals(Double.NEGATIVE_INFINITY, prior.lnDensity(0.0, 10));
        }
    }

    @Test
    void constantStarFormationDensityGivesFlatExpectedHistories() {
        double[] z = new double[501];
        double[] sfrd = new double[501];
        for (int i = 0; i < z.length; i++) {
            z[i] = i == 0 ? 1e-8 : 0.06 * i;
            sfrd[i] = 0.05;
        }
        SfhExpectation flat = SfhExpectation.recommended(eds, new CosmicSfrDensity(z, sfrd));
        for (double zObs : new double[] {0.2, 1.0, 3.0}) {
            double[] rho = flat.expectedRatios(flat.shiftedAge(zObs, 10.0));
            assertArrayEquals(new double[6], rho, 1e-11, "z = " + zObs);
        }
    }

    @Test
    void expectedRatiosDependOnlyOnTheShiftedAge() {
        SfhExpectation sfh = SfhExpectation.recommended(eds, CosmicSfrDensity.behroozi19());
        assertEquals(-0.2, sfh.massShiftDex(9.0), 1e-15);
        assertEquals(0.3, sfh.massShiftDex(10.5), 1e-15);
        assertEquals(0.8, sfh.massShiftDex(12.0), 1e-15);
        assertEquals(sfh.shiftedAge(2.0, 7.0), sfh.shiftedAge(2.0, 9.0), 0.0);
        assertEquals(sfh.shiftedAge(2.0, 12.0), sfh.shiftedAge(2.0, 13.0), 0.0);
        // (z=0.5, μ=12) and (z=0.01, μ=12) are both older than age(0.15) after the shift: same ρ.
        assertEquals(sfh.shiftedAge(0.5, 12.0), sfh.shiftedAge(0.01, 12.0), 0.0);
        assertEquals(0.15, sfh.shiftedRedshift(0.5, 12.0), 0.0);
    }

    @Test
    void tabulatedRatiosFollowTheExactComputation() {
        SfhExpectation exact = SfhExpectation.recommended(eds, CosmicSfrDensity.behroozi19());
        DynamicSfhPrior tabulated = new DynamicSfhPrior(exact, TruncatedStudentT.continuityPrior(), DynamicSfhPrior.DEFAULT_NODES);
        double worst = 0;
        for (double z = 0.05; z < 6; z += 0.37) {
            for (double mu = 8.5; mu <= 12.5; mu += 0.45) {
                double[] a = exact.expectedRatios(exact.shiftedAge(z, mu));
                double[] b = tabulated.expectedRatios(z, mu);
                for (int j = 0; j < 6; j++) {
                    worst = Math.max(worst, Math.abs(a[j] - b[j]));
                }
            }
        }
        assertTrue(worst < 1e-4, "table vs exact ρ: " + worst);
    }
}
