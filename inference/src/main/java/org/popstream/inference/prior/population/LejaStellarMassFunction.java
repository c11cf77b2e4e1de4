package org.popstream.inference.prior.population;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Continuity-model stellar mass function of Leja et al. 2020 (ApJ 893, 111): a double Schechter
 * function per dex with a shared characteristic mass, whose log normalisations and characteristic
 * mass are quadratics in z through the anchors z = 0.2, 1.6, 3.0 (population-prior.md §2.1).
 *
 * <p>Outside 0.2 ≤ z ≤ 3 the parameters are those of the nearest anchor, as Prospector-β does
 * ({@code const_phi = True}): the quadratics are not extrapolated.
 */
public final class LejaStellarMassFunction {
    static final double Z_LOW = 0.2;
    static final double Z_MID = 1.6;
    static final double Z_HIGH = 3.0;

    static final double ALPHA1 = -0.28;
    static final double ALPHA2 = -1.48;
    private static final double[] LOG_PHI1 = {-2.44, -3.08, -4.14};
    private static final double[] LOG_PHI2 = {-2.89, -3.29, -3.51};
    private static final double[] LOG_MSTAR = {10.79, 10.88, 10.84};
    private static final double LN10 = Math.log(10.0);

    /** The three redshift-dependent parameters at one (clamped) redshift. */
    record Parameters(double logPhi1, double logPhi2, double logMstar) {}

    Parameters parameters(double z) {
        double zc = Math.min(Math.max(z, Z_LOW), Z_HIGH);
        return new Parameters(throughAnchors(LOG_PHI1, zc), throughAnchors(LOG_PHI2, zc), throughAnchors(LOG_MSTAR, zc));
    }

    /** Lagrange form of the quadratic through the three anchor values. */
    private static double throughAnchors(double[] v, double z) {
        double l0 = (z - Z_MID) * (z - Z_HIGH) / ((Z_LOW - Z_MID) * (Z_LOW - Z_HIGH));
        double l1 = (z - Z_LOW) * (z - Z_HIGH) / ((Z_MID - Z_LOW) * (Z_MID - Z_HIGH));
        double l2 = (z - Z_LOW) * (z - Z_MID) / ((Z_HIGH - Z_LOW) * (Z_HIGH - Z_MID));
        return v[0] * l0 + v[1] * l1 + v[2] * l2;
    }

    /** ln Φ(μ, z), Φ in Mpc⁻³ dex⁻¹; evaluated in logs so the exponential cut-off never underflows to ln 0. */
    public double lnPhi(double mu, double z) {
        Parameters p = parameters(z);
        double x = mu - p.logMstar();
        double a = LN10 * (p.logPhi1() + x * (ALPHA1 + 1.0));
        double b = LN10 * (p.logPhi2() + x * (ALPHA2 + 1.0));
        double max = Math.max(a, b);
        double lnSum = max + Math.log(Math.exp(a - max) + Math.exp(b - max));
        return Math.log(LN10) + lnSum - Math.pow(10.0, x);
    }

    public double phi(double mu, double z) {
        return Math.exp(lnPhi(mu, z));
    }

    /** N(z) = ∫ Φ(μ, z) dμ over [muMin, muMax], comoving number density in Mpc⁻³. */
    public double numberDensity(double z, double muMin, double muMax) {
        // Φ is smooth in μ; Gauss–Legendre converges to machine precision within a few hundred evaluations.
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-300);
        return integrator.integrate(10_000, mu -> phi(mu, z), muMin, muMax);
    }
}
