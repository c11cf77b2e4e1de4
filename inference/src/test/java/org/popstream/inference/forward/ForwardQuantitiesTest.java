package org.popstream.inference.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.popstream.inference.cosmology.CosmicAgeTable;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.physics.DerivedQuantities;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.testing.SharedPaths;

class ForwardQuantitiesTest {

    /** Inputs with every logsfr ratio 0: the same SFR in every bin, i.e. a constant SFH since the Big Bang. */
    private static EmulatorInputCsv.Row row(double z, double log10MFormed) {
        double[] inputs = new double[EmulatorInputs.COUNT];
        inputs[EmulatorInputs.SQRT_DUST2] = 0.5;
        inputs[EmulatorInputs.Z] = z;
        return new EmulatorInputCsv.Row(2, new String[0], inputs, 0.25, log10MFormed);
    }

    @Test
    void withoutAMassOnlyTheAgeOfAConstantSfhIsHalfTheAgeOfTheUniverse() {
        double z = 1.2;
        ForwardQuantities.Row q = new ForwardQuantities(null).of(row(z, Double.NaN), new double[] {-20.0, -21.0});

        assertEquals(0, q.apparentMagnitudes().length);
        assertNull(q.derived());
        // constant SFR from t = 0 to the age T at z: the mass-weighted lookback age is T / 2
        assertEquals(CosmicAgeTable.planck18().ageGyr(z) / 2, q.massWeightedAgeGyr(), 1e-9);
    }

    @Test
    void withAMassEveryBandShiftsByTheSameNormalisationAndFluxesFollowTheAbZeroPoint() {
        StellarMassEmulator stellarMass = StellarMassEmulator.read(new ModelDirectory(SharedPaths.models()));
        double[] absMag = {-20.0, -21.5, -19.25};
        ForwardQuantities.Row q = new ForwardQuantities(stellarMass).of(row(0.8, 10.5), absMag);

        double shift = q.apparentMagnitudes()[0] - absMag[0];
        for (int b = 0; b < absMag.length; b++) {
            assertEquals(shift, q.apparentMagnitudes()[b] - absMag[b], 1e-12, "band " + b);
            // m = 22.5 − 2.5 log10(f / nanomaggy)
            assertEquals(q.apparentMagnitudes()[b], 22.5 - 2.5 * Math.log10(q.fluxNanomaggies()[b]), 1e-9, "band " + b);
        }
        DerivedQuantities d = q.derived();
        assertEquals(10.5, d.log10MFormed(), 1e-9);
        assertEquals(Math.pow(10, d.log10MStar() - d.log10MFormed()), d.massRemainingFraction(), 1e-9);
        assertEquals(d.massWeightedAgeGyr(), q.massWeightedAgeGyr(), 0.0);
    }
}
