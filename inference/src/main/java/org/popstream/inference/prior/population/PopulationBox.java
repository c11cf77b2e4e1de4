package org.popstream.inference.prior.population;

/**
 * The region on which the redshift–mass term is normalised: z ∈ (0, zMax], μ ∈ [muMin, muMax]
 * (μ = the mass argument, log10 M☉). Changing any bound changes the normaliser.
 */
public record PopulationBox(double zMax, double muMin, double muMax) {

    public PopulationBox {
        if (!(zMax > 0) || !Double.isFinite(zMax)) {
            throw new IllegalArgumentException("zmax must be a positive number, got " + zMax);
        }
        if (!(muMin < muMax) || !Double.isFinite(muMin) || !Double.isFinite(muMax)) {
            throw new IllegalArgumentException("mass range must satisfy min < max, got [" + muMin + ", " + muMax + "]");
        }
    }

    /** The parameter box of science.md §1: z ≤ 6, log10 M_formed ∈ [7, 13]. */
    public static PopulationBox standard() {
        return new PopulationBox(6.0, 7.0, 13.0);
    }

    public boolean containsRedshift(double z) {
        return z > 0 && z <= zMax;
    }

    public boolean containsMass(double mu) {
        return mu >= muMin && mu <= muMax;
    }
}
