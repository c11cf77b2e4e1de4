package org.popstream.inference.cosmology;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.analysis.integration.UnivariateIntegrator;

/**
 * Flat ΛCDM with photons and neutrinos exactly as astropy's {@code FlatLambdaCDM} defines them:
 * the photon density from T_cmb, massless and massive neutrinos through astropy's fitting function
 * for the neutrino energy density (Komatsu et al. 2011, eq. 26), and Ω_Λ = 1 − Ω_m − Ω_γ − Ω_ν.
 * {@link #planck18()} is astropy's {@code Planck18}.
 */
public final class FlatLambdaCdm {

    // CODATA 2018 / IAU 2015, as astropy.constants
    private static final double C_M_PER_S = 299_792_458.0;
    private static final double G_SI = 6.67430e-11;
    private static final double SIGMA_SB = 5.670374419e-8;
    private static final double K_B_EV_PER_K = 1.380649e-23 / 1.602176634e-19;
    private static final double MPC_M = 3.0856775814913673e22;
    private static final double GYR_S = 365.25 * 86400.0 * 1e9;
    // astropy's constants for the neutrino density
    private static final double TNU_OVER_TCMB = 0.7137658555036082; // (4/11)^(1/3)
    private static final double NU_PREFACTOR = 0.22710731766; // 7/8 (4/11)^(4/3)
    private static final double NU_P = 1.83;
    private static final double NU_INV_P = 0.54644808743;
    private static final double NU_K = 0.3173;

    private final double h0;
    private final double omegaMatter;
    private final double omegaPhoton;
    private final double omegaNeutrino;
    private final double omegaLambda;
    private final double neffPerNeutrino;
    private final int masslessNeutrinos;
    private final double[] massiveNuY;
    private final double hubbleDistanceMpc;
    private final double hubbleTimeGyr;

    /**
     * @param h0              Hubble constant, km/s/Mpc
     * @param omegaMatter     Ω_m today (CDM + baryons; massive neutrinos are counted separately, as in astropy)
     * @param tcmb            CMB temperature today, K
     * @param neff            effective number of neutrino species
     * @param neutrinoMassesEv the three neutrino masses in eV
     */
    public FlatLambdaCdm(double h0, double omegaMatter, double tcmb, double neff, double[] neutrinoMassesEv) {
        this.h0 = h0;
        this.omegaMatter = omegaMatter;
        double h0PerSecond = h0 * 1000.0 / MPC_M;
        double criticalDensity = 3.0 * h0PerSecond * h0PerSecond / (8.0 * Math.PI * G_SI);
        double radiationConstant = 4.0 * SIGMA_SB / (C_M_PER_S * C_M_PER_S * C_M_PER_S);
        this.omegaPhoton = radiationConstant * Math.pow(tcmb, 4) / criticalDensity;
        this.neffPerNeutrino = neff / neutrinoMassesEv.length;
        double tnu = TNU_OVER_TCMB * tcmb;
        this.massiveNuY = java.util.Arrays.stream(neutrinoMassesEv).filter(m -> m > 0)
                .map(m -> m / (K_B_EV_PER_K * tnu)).toArray();
        this.masslessNeutrinos = neutrinoMassesEv.length - massiveNuY.length;
        this.omegaNeutrino = omegaPhoton * neutrinoRelativeDensity(0.0);
        this.omegaLambda = 1.0 - omegaMatter - omegaPhoton - omegaNeutrino;
        this.hubbleDistanceMpc = C_M_PER_S / 1000.0 / h0;
        this.hubbleTimeGyr = 1.0 / h0PerSecond / GYR_S;
    }

    /** astropy's {@code Planck18}: H0 67.66, Ωm 0.30966, Tcmb 2.7255 K, Neff 3.046, masses (0, 0, 0.06) eV. */
    public static FlatLambdaCdm planck18() {
        return new FlatLambdaCdm(67.66, 0.30966, 2.7255, 3.046, new double[] {0.0, 0.0, 0.06});
    }

    public double h0() {
        return h0;
    }

    public double omegaMatter() {
        return omegaMatter;
    }

    public double omegaPhoton() {
        return omegaPhoton;
    }

    public double omegaNeutrino() {
        return omegaNeutrino;
    }

    public double omegaLambda() {
        return omegaLambda;
    }

    /** Neutrino energy density relative to photons at redshift z (astropy {@code nu_relative_density}). */
    public double neutrinoRelativeDensity(double z) {
        if (massiveNuY.length == 0) {
            return NU_PREFACTOR * neffPerNeutrino * masslessNeutrinos;
        }
        double relativeMass = masslessNeutrinos;
        for (double y : massiveNuY) {
            relativeMass += Math.pow(1.0 + Math.pow(NU_K * y / (1.0 + z), NU_P), NU_INV_P);
        }
        return NU_PREFACTOR * neffPerNeutrino * relativeMass;
    }

    /** E(z) = H(z)/H0. */
    public double efunc(double z) {
        double zp1 = 1.0 + z;
        double radiation = omegaPhoton * (1.0 + neutrinoRelativeDensity(z));
        return Math.sqrt(zp1 * zp1 * zp1 * (radiation * zp1 + omegaMatter) + omegaLambda);
    }

    public double hubbleDistanceMpc() {
        return hubbleDistanceMpc;
    }

    public double hubbleTimeGyr() {
        return hubbleTimeGyr;
    }

    /** Line-of-sight comoving distance in Mpc. */
    public double comovingDistanceMpc(double z) {
        return hubbleDistanceMpc * integrate(zz -> 1.0 / efunc(zz), 0.0, z);
    }

    public double luminosityDistanceMpc(double z) {
        return (1.0 + z) * comovingDistanceMpc(z);
    }

    /** Distance modulus 5 log10(D_L / 10 pc); −∞ at z = 0. */
    public double distanceModulus(double z) {
        return 5.0 * Math.log10(luminosityDistanceMpc(z)) + 25.0;
    }

    /** Lookback time in Gyr. */
    public double lookbackTimeGyr(double z) {
        return hubbleTimeGyr * integrate(zz -> 1.0 / ((1.0 + zz) * efunc(zz)), 0.0, z);
    }

    /**
     * Age of the universe at z in Gyr. Integrated over the scale factor a = 1/(1+z) from 0, where
     * the integrand 1/(a E) vanishes smoothly (radiation domination), instead of over z to ∞.
     */
    public double ageGyr(double z) {
        double a = 1.0 / (1.0 + z);
        return hubbleTimeGyr * integrate(aa -> aa <= 0 ? 0.0 : 1.0 / (aa * efunc(1.0 / aa - 1.0)), 0.0, a);
    }

    private static double integrate(UnivariateFunction f, double from, double to) {
        if (to <= from) {
            return 0.0;
        }
        UnivariateIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
        return integrator.integrate(1_000_000, f, from, to);
    }
}
