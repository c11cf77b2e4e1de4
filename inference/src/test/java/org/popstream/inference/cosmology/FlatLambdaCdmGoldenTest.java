package org.popstream.inference.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.popstream.testing.GoldenCsv;

/** astropy's Planck18 distances and ages, 1e-6 relative. */
class FlatLambdaCdmGoldenTest {

    private final FlatLambdaCdm planck18 = FlatLambdaCdm.planck18();

    @Test
    void matchesAstropyPlanck18() {
        GoldenCsv golden = GoldenCsv.read("cosmology_planck18.csv");
        assertEquals(64, golden.rows());
        for (int r = 0; r < golden.rows(); r++) {
            double z = golden.value(r, "z");
            assertRelative(golden.value(r, "comoving_distance_Mpc"), planck18.comovingDistanceMpc(z), "D_C z=" + z);
            assertRelative(golden.value(r, "luminosity_distance_Mpc"), planck18.luminosityDistanceMpc(z), "D_L z=" + z);
            assertRelative(golden.value(r, "distmod"), planck18.distanceModulus(z), "distmod z=" + z);
            assertRelative(golden.value(r, "age_Gyr"), planck18.ageGyr(z), "age z=" + z);
            assertRelative(golden.value(r, "lookback_time_Gyr"), planck18.lookbackTimeGyr(z), "lookback z=" + z);
        }
    }

    @Test
    void ageTableInterpolatesWithin1e5Gyr() {
        CosmicAgeTable table = CosmicAgeTable.planck18();
        for (double z = 0.0005; z < 7; z += 0.0731) {
            // mid-cell points are where linear interpolation errs most
            assertEquals(planck18.ageGyr(z), table.ageGyr(z), 1e-5, "z=" + z);
        }
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), what);
    }
}
