package org.popstream.inference.prior.population;

import java.util.function.DoubleBinaryOperator;
import org.popstream.inference.physics.StarFormationHistory;

/**
 * p(r₁..r₆ | z, μ): each log SFR ratio a ν = 2 Student-t around the ratio expected from the cosmic SFR
 * density at the galaxy's mass-shifted epoch (population-prior.md §3). ρ depends on (z, μ) only through
 * the shifted age t_s, so it is tabulated once on a grid uniform in log10 t_s and interpolated linearly
 * (2000 nodes: interpolation error ≈ 1e-5 in ρ).
 */
public final class DynamicSfhPrior {
    public static final int DEFAULT_NODES = 2000;

    private final SfhExpectation expectation;
    private final TruncatedStudentT ratioPrior;
    private final double logAgeMin;
    private final double logAgeStep;
    /** ratios[j][k]: ρ_{j+1} at node k. */
    private final double[][] ratios;

    public DynamicSfhPrior(SfhExpectation expectation, TruncatedStudentT ratioPrior, int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("the ρ table needs ≥ 2 nodes, got " + nodes);
        }
        this.expectation = expectation;
        this.ratioPrior = ratioPrior;
        this.logAgeMin = Math.log10(expectation.youngestShiftedAge());
        double logAgeMax = Math.log10(expectation.oldestShiftedAge());
        this.logAgeStep = (logAgeMax - logAgeMin) / (nodes - 1);
        this.ratios = new double[StarFormationHistory.RATIOS][nodes];
        for (int k = 0; k < nodes; k++) {
            double age = Math.pow(10.0, logAgeMin + k * logAgeStep);
            if (k == nodes - 1) {
                age = expectation.oldestShiftedAge();
            }
            double[] rho = expectation.expectedRatios(age);
            for (int j = 0; j < rho.length; j++) {
                ratios[j][k] = rho[j];
            }
        }
    }

    public static DynamicSfhPrior recommended(ExpansionHistory cosmology) {
        return new DynamicSfhPrior(
                SfhExpectation.recommended(cosmology, CosmicSfrDensity.behroozi19()),
                TruncatedStudentT.continuityPrior(),
                DEFAULT_NODES);
    }

    public TruncatedStudentT ratioPrior() {
        return ratioPrior;
    }

    double logAgeStart() {
        return logAgeMin;
    }

    double logAgeStep() {
        return logAgeStep;
    }

    /** ρ table as [node][ratio], for graph constants. */
    double[][] ratioTable() {
        int nodes = ratios[0].length;
        double[][] table = new double[nodes][ratios.length];
        for (int k = 0; k < nodes; k++) {
            for (int j = 0; j < ratios.length; j++) {
                table[k][j] = ratios[j][k];
            }
        }
        return table;
    }

    public SfhExpectation expectation() {
        return expectation;
    }

    /** Interpolated ρ₁..ρ₆ at (z, μ). */
    public double[] expectedRatios(double z, double mu) {
        double position = (Math.log10(expectation.shiftedAge(z, mu)) - logAgeMin) / logAgeStep;
        int nodes = ratios[0].length;
        int lo = (int) Math.floor(position);
        lo = Math.max(0, Math.min(nodes - 2, lo));
        double w = Math.min(1.0, Math.max(0.0, position - lo));
        double[] rho = new double[ratios.length];
        for (int j = 0; j < rho.length; j++) {
            rho[j] = ratios[j][lo] + w * (ratios[j][lo + 1] - ratios[j][lo]);
        }
        return rho;
    }

    /** Σ_j ln t₂,trunc(r_j − ρ_j): each Student-t renormalised to the ratio bounds. */
    public double lnDensity(double[] ratiosObserved, double z, double mu) {
        return sum(ratioPrior::lnDensity, ratiosObserved, z, mu);
    }

    /** As {@link #lnDensity} but without the renormalisation, as Prospector-β evaluates it. */
    public double lnDensityUntruncated(double[] ratiosObserved, double z, double mu) {
        return sum(ratioPrior::lnDensityUntruncated, ratiosObserved, z, mu);
    }

    private double sum(DoubleBinaryOperator term, double[] ratiosObserved, double z, double mu) {
        double[] rho = expectedRatios(z, mu);
        double sum = 0.0;
        for (int j = 0; j < rho.length; j++) {
            sum += term.applyAsDouble(ratiosObserved[j], rho[j]);
        }
        return sum;
    }
}
