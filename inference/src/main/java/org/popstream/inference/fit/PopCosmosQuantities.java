package org.popstream.inference.fit;

import java.util.function.DoubleUnaryOperator;
import org.popstream.inference.cosmology.DistanceModulusTable;
import org.popstream.inference.cosmology.FlatLambdaCdm;
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

    private static final double AGE_STEP = 1e-3;
    private static final double AGE_Z_MAX = 12;

    private final DerivedQuantitiesCalculator calculator;
    private final int[] parameterColumn;

    public PopCosmosQuantities(StellarMassEmulator stellarMass, DistanceModulusTable distances) {
        this.calculator = new DerivedQuantitiesCalculator(stellarMass, distances::distanceModulus, ageTable(FlatLambdaCdm.planck18()));
        this.parameterColumn = new int[QuantityNames.ALL.size()];
        for (int k = 0; k < parameterColumn.length; k++) {
            parameterColumn[k] = ParameterSpace.NAMES.indexOf(QuantityNames.ALL.get(k));
        }
    }

    private static DoubleUnaryOperator ageTable(FlatLambdaCdm cosmology) {
        int n = (int) Math.round(AGE_Z_MAX / AGE_STEP) + 1;
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            age[i] = cosmology.ageGyr(i * AGE_STEP);
        }
        return z -> {
            double u = Math.max(0, Math.min(n - 1.000001, z / AGE_STEP));
            int i = (int) u;
            return age[i] + (u - i) * (age[i + 1] - age[i]);
        };
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
