package org.popstream.inference.prior.population;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * The Prospector-β redshift–mass term: p(z, μ) = Φ(μ, z)·dVc/dz / C on the box, i.e. a redshift prior
 * ∝ N(z)·dVc/dz times the stellar-mass function normalised at each z (population-prior.md §2.2, §3).
 * C is the integral over the box, so it is computed here from the box and never taken as a constant.
 */
public final class RedshiftMassPrior {
    private final LejaStellarMassFunction massFunction;
    private final ComovingVolumeElement volume;
    private final PopulationBox box;
    private final double lnNormaliser;

    public RedshiftMassPrior(LejaStellarMassFunction massFunction, ComovingVolumeElement volume, PopulationBox box) {
        this.massFunction = massFunction;
        this.volume = volume;
        this.box = box;
        this.lnNormaliser = Math.log(integrateOverBox());
    }

    private double integrateOverBox() {
        UnivariateFunction integrand = z -> numberDensity(z) * volume.dVdz(z);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-300);
        // Φ's parameters are clamped at z = 0.2 and 3, so the integrand has kinks there: integrate piecewise.
        double[] edges = {0.0, LejaStellarMassFunction.Z_LOW, LejaStellarMassFunction.Z_HIGH, box.zMax()};
        double total = 0.0;
        for (int i = 0; i + 1 < edges.length; i++) {
            double lo = edges[i];
            double hi = Math.min(edges[i + 1], box.zMax());
            if (hi > lo) {
                total += integrator.integrate(100_000, integrand, lo, hi);
            }
        }
        return total;
    }

    /** ln C, C = ∫∫_box Φ(μ, z) dVc/dz dμ dz (number of galaxies per sr). */
    public double lnNormaliser() {
        return lnNormaliser;
    }

    /** N(z) over the box's mass range, Mpc⁻³. */
    public double numberDensity(double z) {
        return massFunction.numberDensity(z, box.muMin(), box.muMax());
    }

    /** ln p(z, μ) on the box, −∞ outside. */
    public double lnDensity(double z, double mu) {
        if (!box.containsMass(mu)) {
            return Double.NEGATIVE_INFINITY;
        }
        return lnDensityAnyMass(z, mu);
    }

    /**
     * ln p(z, μ) with only the redshift bound checked: for a mass argument (surviving mass) whose support
     * is enforced by the caller on another variable.
     */
    public double lnDensityAnyMass(double z, double mu) {
        if (!box.containsRedshift(z)) {
            return Double.NEGATIVE_INFINITY;
        }
        return massFunction.lnPhi(mu, z) + volume.lnDVdz(z) - lnNormaliser;
    }

    /** ln of the marginal p(z) = N(z)·dVc/dz / C. */
    public double lnMarginalDensity(double z) {
        if (!box.containsRedshift(z)) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(numberDensity(z)) + volume.lnDVdz(z) - lnNormaliser;
    }
}
