package org.popstream.inference.physics;

import java.util.function.DoubleUnaryOperator;
import org.popstream.inference.cosmology.FlatLambdaCdm;

/**
 * Computes {@link DerivedQuantities} from the 16 population parameters {@code [N, log10Z,
 * logsfr_ratio1..6, dust2, dust_index, dust1_fraction, lnfagn, lnagntau, gaslog10Z, gaslog10U, z]}
 * as upstream's {@code compute_derived_quantities} and {@code compute_mass_remaining} do.
 * Immutable and thread-safe.
 */
public final class DerivedQuantitiesCalculator {

    /** Positions in the 16-parameter vector. */
    public static final int N = 0;
    public static final int LOGSFR_RATIO1 = 2;
    public static final int Z = 15;

    private final StellarMassEmulator stellarMass;
    private final DoubleUnaryOperator distanceModulus;
    private final DoubleUnaryOperator ageGyr;

    /**
     * @param distanceModulus distmod(z), e.g. exact {@link FlatLambdaCdm#distanceModulus} or the table
     * @param ageGyr          age of the universe at z
     */
    public DerivedQuantitiesCalculator(StellarMassEmulator stellarMass, DoubleUnaryOperator distanceModulus,
            DoubleUnaryOperator ageGyr) {
        this.stellarMass = stellarMass;
        this.distanceModulus = distanceModulus;
        this.ageGyr = ageGyr;
    }

    /** Exact Planck18 distances and ages. */
    public static DerivedQuantitiesCalculator planck18(StellarMassEmulator stellarMass) {
        FlatLambdaCdm planck18 = FlatLambdaCdm.planck18();
        return new DerivedQuantitiesCalculator(stellarMass, planck18::distanceModulus, planck18::ageGyr);
    }

    /** log10 M_formed = −0.4 (N − distmod(z)). */
    public double log10MFormed(double n, double z) {
        return -0.4 * (n - distanceModulus.applyAsDouble(z));
    }

    /** N = distmod(z) − 2.5 log10 M_formed. */
    public double normalisation(double log10MFormed, double z) {
        return distanceModulus.applyAsDouble(z) - 2.5 * log10MFormed;
    }

    public DerivedQuantities compute(double[] theta) {
        if (theta.length != StellarMassEmulator.INPUTS) {
            throw new IllegalArgumentException("need 16 parameters, got " + theta.length);
        }
        double z = theta[Z];
        double log10MFormed = log10MFormed(theta[N], z);
        double[] ratios = new double[StarFormationHistory.RATIOS];
        System.arraycopy(theta, LOGSFR_RATIO1, ratios, 0, ratios.length);
        StarFormationHistory sfh = StarFormationHistory.of(ratios, ageGyr.applyAsDouble(z));
        double ssfrFormed = sfh.log10SpecificSfr100MyrPerFormedMass();
        double fraction = stellarMass.massRemainingFraction(theta);
        double log10Fraction = Math.log10(fraction);
        return new DerivedQuantities(
                log10MFormed,
                log10MFormed + log10Fraction,
                fraction,
                sfh.massWeightedAgeGyr(),
                ssfrFormed + log10MFormed,
                ssfrFormed,
                ssfrFormed - log10Fraction);
    }
}
