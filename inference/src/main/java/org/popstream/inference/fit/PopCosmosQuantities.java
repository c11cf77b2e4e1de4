package org.popstream.inference.fit;

import org.popstream.inference.cosmology.CosmicAgeTable;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.physics.DerivedQuantities;
import org.popstream.inference.physics.DerivedQuantitiesCalculator;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.summary.DerivedSample;
import org.popstream.inference.summary.QuantityNames;

/**
 * Per-draw quantities of science.md §6 in {@link QuantityNames#ALL} order. Cosmic age and distance
 * modulus come from fine tables (thousands of draws per galaxy; the exact integrals would dominate).
 */
public final class PopCosmosQuantities implements DerivedSample {

    private final DerivedQuantitiesCalculator calculator;
    private final int[] parameterColumn;

    public PopCosmosQuantities(StellarMassEmulator stellarMass, DistanceModulusTable distances) {
        this.calculator = new DerivedQuantitiesCalculator(stellarMass, distances::distanceModulus,
                CosmicAgeTable.planck18()::ageGyr);
        this.parameterColumn = new int[QuantityNames.ALL.size()];
        for (int k = 0; k < parameterColumn.length; k++) {
            parameterColumn[k] = ParameterSpace.NAMES.indexOf(QuantityNames.ALL.get(k));
        }
    }

    @Override
    public double[] quantities(double[] theta) {
        double z = theta[ParameterSpace.REDSHIFT];
        double[] withN = theta.clone();
        withN[DerivedQuantitiesCalculator.N] = calculator.normalisation(theta[ParameterSpace.LOG10_MASS], z);
        DerivedQuantities q = calculator.compute(withN);
        double[] out = new double[parameterColumn.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = switch (QuantityNames.ALL.get(k)) {
                case "log10M_formed" -> theta[ParameterSpace.LOG10_MASS];
                case "log10Mstar" -> q.log10MStar();
                case "log10SFR" -> q.log10Sfr();
                case "log10sSFR" -> q.log10Ssfr();
                case "mw_age_gyr" -> q.massWeightedAgeGyr();
                default -> theta[parameterColumn[k]];
            };
        }
        return out;
    }
}
