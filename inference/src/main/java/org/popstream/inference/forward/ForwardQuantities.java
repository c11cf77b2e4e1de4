package org.popstream.inference.forward;

import java.util.Arrays;
import org.popstream.inference.cosmology.CosmicAgeTable;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.inference.emulator.Magnitudes;
import org.popstream.inference.physics.DerivedQuantities;
import org.popstream.inference.physics.DerivedQuantitiesCalculator;
import org.popstream.inference.physics.StarFormationHistory;
import org.popstream.inference.physics.StellarMassEmulator;

/**
 * What the forward model says about one row of an {@link EmulatorInputCsv} table once the photometry
 * emulators have run: with a formed mass, apparent magnitudes, fluxes and the derived quantities of
 * the stellar-mass emulator; without one, only the mass-weighted age (the only quantity the SFH alone
 * fixes). Planck18 distances and ages.
 */
public final class ForwardQuantities {

    /**
     * @param absMagPerMass      the emulator output per band (absolute magnitude per unit formed mass)
     * @param apparentMagnitudes per band, AB; empty without a formed mass
     * @param fluxNanomaggies    per band; empty without a formed mass
     * @param derived            stellar mass, SFR, ...; {@code null} without a formed mass
     */
    public record Row(double[] absMagPerMass, double[] apparentMagnitudes, double[] fluxNanomaggies,
            DerivedQuantities derived, double massWeightedAgeGyr) {}

    private final CosmicAgeTable age = CosmicAgeTable.planck18();
    private final DerivedQuantitiesCalculator derived;

    /** @param stellarMass needed for tables with a formed mass; {@code null} otherwise */
    public ForwardQuantities(StellarMassEmulator stellarMass) {
        DistanceModulusTable distmod = DistanceModulusTable.planck18();
        this.derived = stellarMass == null ? null
                : new DerivedQuantitiesCalculator(stellarMass, distmod::distanceModulus, age::ageGyr);
    }

    public Row of(EmulatorInputCsv.Row row, double[] absMagPerMass) {
        double[] in = row.inputs();
        double z = in[EmulatorInputs.Z];
        if (Double.isNaN(row.log10MFormed())) {
            double[] ratios = Arrays.copyOfRange(in, 1, 1 + StarFormationHistory.RATIOS);
            return new Row(absMagPerMass, new double[0], new double[0], null,
                    StarFormationHistory.of(ratios, age.ageGyr(z)).massWeightedAgeGyr());
        }
        if (derived == null) {
            throw new IllegalStateException("a row with a formed mass needs the stellar-mass emulator");
        }
        double n = derived.normalisation(row.log10MFormed(), z);
        double[] magnitudes = new double[absMagPerMass.length];
        double[] fluxes = new double[absMagPerMass.length];
        for (int b = 0; b < absMagPerMass.length; b++) {
            magnitudes[b] = Magnitudes.apparent(absMagPerMass[b], n);
            fluxes[b] = Magnitudes.fluxNanomaggies(magnitudes[b]);
        }
        DerivedQuantities d = derived.compute(theta16(n, in, row.dust2()));
        return new Row(absMagPerMass, magnitudes, fluxes, d, d.massWeightedAgeGyr());
    }

    /** The 16 population parameters [N, log10Z, logsfr_ratio1..6, dust2, dust_index, ..., z]. */
    private static double[] theta16(double n, double[] inputs, double dust2) {
        double[] theta = new double[StellarMassEmulator.INPUTS];
        theta[0] = n;
        System.arraycopy(inputs, 0, theta, 1, EmulatorInputs.COUNT);
        theta[1 + EmulatorInputs.SQRT_DUST2] = dust2;
        return theta;
    }
}
