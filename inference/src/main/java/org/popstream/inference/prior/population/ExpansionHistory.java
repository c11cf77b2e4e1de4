package org.popstream.inference.prior.population;

/**
 * The few cosmological functions the population prior needs (popstream uses Planck18 throughout).
 * Kept this narrow so the prior terms do not depend on how the cosmology is computed or cached.
 */
public interface ExpansionHistory {

    /** Hubble distance c/H0 in Mpc. */
    double hubbleDistanceMpc();

    /** Hubble time 1/H0 in Gyr. */
    double hubbleTimeGyr();

    /** E(z) = H(z)/H0. */
    double efunc(double z);

    /** Line-of-sight comoving distance in Mpc (flat universe). */
    double comovingDistanceMpc(double z);

    /** Age of the universe at redshift z, Gyr. */
    double ageGyr(double z);
}
