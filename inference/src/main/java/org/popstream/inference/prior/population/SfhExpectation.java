package org.popstream.inference.prior.population;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.popstream.inference.physics.StarFormationHistory;

/**
 * Expected log SFR ratios ρ₁..ρ₆ of the dynamic SFH prior (population-prior.md §3, "ours, following
 * Prospector-β's intent and PR #399"): a galaxy of mass μ seen at z is matched to the cosmic SFR density
 * at a mass-shifted epoch t_s = age(z)·10^Δ(μ), averaged over the model's own 7 SFH bins stretched
 * over [age(z_form), t_s].
 *
 * <p>Exact but slow (root finding per bin edge); {@link DynamicSfhPrior} tabulates it in t_s.
 */
public final class SfhExpectation {
    static final double Z_FORMATION = 15.0;
    static final double Z_SHIFT_MIN = 0.15;
    static final double Z_SHIFT_MAX = 10.0;
    /** Δ(μ) rises linearly between these masses and is flat outside. */
    static final double MU_SHIFT_LOW = 9.0;
    static final double MU_SHIFT_HIGH = 12.0;
    private static final int GAUSS_POINTS = 8;

    private final ExpansionHistory cosmology;
    private final CosmicSfrDensity sfrd;
    private final double shiftLowDex;
    private final double shiftHighDex;
    private final double[] nodes;
    /** cumulative[i] = stellar mass formed per Mpc³ before redshift nodes[i] (SFRD units × Gyr). */
    private final double[] cumulative;
    private final double ageAtFormation;
    private final double youngestShiftedAge;
    private final double oldestShiftedAge;
    private final BrentSolver solver = new BrentSolver(1e-13, 1e-14, 1e-300);
    private final GaussIntegratorFactory gauss = new GaussIntegratorFactory();

    /**
     * @param shiftLowDex  Δ for μ ≤ 9 (−0.2 at Prospector HEAD; −0.6 in the paper version)
     * @param shiftHighDex Δ for μ ≥ 12 (+0.8 at HEAD; +0.4 in the paper version)
     */
    public SfhExpectation(ExpansionHistory cosmology, CosmicSfrDensity sfrd, double shiftLowDex, double shiftHighDex) {
        this.cosmology = cosmology;
        this.sfrd = sfrd;
        this.shiftLowDex = shiftLowDex;
        this.shiftHighDex = shiftHighDex;
        this.nodes = sfrd.nodes();
        this.cumulative = new double[nodes.length];
        for (int i = nodes.length - 2; i >= 0; i--) {
            cumulative[i] = cumulative[i + 1] + massFormedBetween(nodes[i], nodes[i + 1]);
        }
        this.ageAtFormation = cosmology.ageGyr(Z_FORMATION);
        this.youngestShiftedAge = cosmology.ageGyr(Z_SHIFT_MAX);
        this.oldestShiftedAge = cosmology.ageGyr(Z_SHIFT_MIN);
    }

    /** The recommended shift limits (−0.2, +0.8) dex of Prospector-β HEAD. */
    public static SfhExpectation recommended(ExpansionHistory cosmology, CosmicSfrDensity sfrd) {
        return new SfhExpectation(cosmology, sfrd, -0.2, 0.8);
    }

    /** Δ(μ) in dex. */
    public double massShiftDex(double mu) {
        double w = (mu - MU_SHIFT_LOW) / (MU_SHIFT_HIGH - MU_SHIFT_LOW);
        w = Math.min(1.0, Math.max(0.0, w));
        return shiftLowDex + w * (shiftHighDex - shiftLowDex);
    }

    /** t_s = age(z)·10^Δ(μ), clipped to [age(10), age(0.15)] (Gyr). ρ depends on (z, μ) only through it. */
    public double shiftedAge(double z, double mu) {
        double ts = cosmology.ageGyr(z) * Math.pow(10.0, massShiftDex(mu));
        return Math.min(oldestShiftedAge, Math.max(youngestShiftedAge, ts));
    }

    /** z_shift: the redshift whose age is the shifted age. */
    public double shiftedRedshift(double z, double mu) {
        double ts = cosmology.ageGyr(z) * Math.pow(10.0, massShiftDex(mu));
        if (ts >= oldestShiftedAge) {
            return Z_SHIFT_MIN;
        }
        if (ts <= youngestShiftedAge) {
            return Z_SHIFT_MAX;
        }
        return redshiftAtAge(ts);
    }

    double youngestShiftedAge() {
        return youngestShiftedAge;
    }

    double oldestShiftedAge() {
        return oldestShiftedAge;
    }

    /** ρ_j, j = 1..6, for a shifted age t_s in [age(10), age(0.15)] Gyr. */
    public double[] expectedRatios(double shiftedAgeGyr) {
        double span = shiftedAgeGyr - ageAtFormation;
        // the model's bin edges (science.md §6) with the age of the universe replaced by the span
        double[] lookbackEdges = StarFormationHistory.binEdgesGyr(span);
        double[] sfr = new double[StarFormationHistory.BINS];
        double[] edgeRedshift = new double[StarFormationHistory.BINS + 1];
        edgeRedshift[0] = redshiftAtAge(shiftedAgeGyr);
        edgeRedshift[StarFormationHistory.BINS] = Z_FORMATION;
        for (int j = 1; j < StarFormationHistory.BINS; j++) {
            edgeRedshift[j] = redshiftAtAge(shiftedAgeGyr - lookbackEdges[j]);
        }
        for (int j = 0; j < StarFormationHistory.BINS; j++) {
            double mass = massFormedBefore(edgeRedshift[j]) - massFormedBefore(edgeRedshift[j + 1]);
            sfr[j] = mass / (lookbackEdges[j + 1] - lookbackEdges[j]);
        }
        double[] rho = new double[StarFormationHistory.BINS - 1];
        for (int j = 0; j < StarFormationHistory.BINS - 1; j++) {
            rho[j] = Math.min(5.0, Math.max(-5.0, Math.log10(sfr[j] / sfr[j + 1])));
        }
        return rho;
    }

    double redshiftAtAge(double ageGyr) {
        return solver.solve(10_000, z -> cosmology.ageGyr(z) - ageGyr, 0.0, 2.0 * Z_FORMATION);
    }

    /** Stellar mass formed per Mpc³ before redshift z (i.e. at cosmic times earlier than t(z)). */
    private double massFormedBefore(double z) {
        int last = nodes.length - 1;
        if (z >= nodes[last]) {
            return 0.0;
        }
        if (z < nodes[0]) {
            return cumulative[0] + massFormedBetween(z, nodes[0]);
        }
        int i = java.util.Arrays.binarySearch(nodes, z);
        if (i >= 0) {
            return cumulative[i];
        }
        int hi = -i - 1;
        return cumulative[hi] + massFormedBetween(z, nodes[hi]);
    }

    /** ∫ SFRD dt between two redshifts inside one table segment, where the integrand is smooth. */
    private double massFormedBetween(double zLo, double zHi) {
        GaussIntegrator rule = gauss.legendre(GAUSS_POINTS, zLo, zHi);
        return rule.integrate(z -> sfrd.value(z) * cosmology.hubbleTimeGyr() / ((1.0 + z) * cosmology.efunc(z)));
    }
}
