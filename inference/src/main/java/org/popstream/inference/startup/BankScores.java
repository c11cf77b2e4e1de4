package org.popstream.inference.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.popstream.inference.posterior.PriorBank;
import org.popstream.inference.prior.ParameterSpace;

/**
 * Every point of the prior bank scored against one galaxy, two ways (see {@link BankScorer}), and
 * what the start-up asks of those scores: the best distinct points, posterior draws, and how far the
 * likelihood must be tempered for the bank to resolve it. Arrays are indexed like the bank.
 *
 * @param bank          the bank scored (shared by every galaxy, not copied)
 * @param logPosterior  profile score: log posterior at the best-fitting mass {@code logMass} (finds modes)
 * @param logMass       the profiled (best-fitting, clamped) log10 mass
 * @param logWeight     importance weight of the point with mass {@code drawnMass} drawn from a proposal
 *                      around the best-fitting mass: resampling by it gives posterior draws, mass included
 * @param drawnMass     the drawn log10 mass
 * @param logLikelihood log likelihood at the drawn mass (the part of {@code logWeight} tempering scales)
 */
record BankScores(PriorBank bank, double[] logPosterior, double[] logMass, double[] logWeight, double[] drawnMass,
                  double[] logLikelihood) {

    /** Two starts count as distinct modes when their redshifts differ by more than this × (1 + z). */
    static final double DISTINCT_REDSHIFT = 0.05;
    /** Smallest starting temperature tried. */
    static final double MIN_BETA = 1e-6;

    /** A bank point at its profiled mass and its profile score. */
    record Candidate(double[] theta, double logPosterior) {}

    /** Importance log weights for the posterior with its likelihood raised to the power β. */
    double[] temperedLogWeight(double beta) {
        double[] w = new double[logWeight.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = logWeight[j] - (1 - beta) * logLikelihood[j];
        }
        return w;
    }

    /** The best {@code count} distinct bank points by profile score: half at distinct redshifts, the rest by score. */
    List<Candidate> best(int count) {
        double[][] points = bank.points();
        Integer[] order = new Integer[logPosterior.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(finiteOrMin(logPosterior[b]), finiteOrMin(logPosterior[a])));
        List<Candidate> picked = new ArrayList<>();
        // half the starts at distinct redshifts (Lyman/Balmer-break confusion at low S/N), the rest
        // the best remaining shapes whatever their redshift (SFH/dust modes at high S/N)
        int byRedshift = (count + 1) / 2;
        for (int k = 0; k < order.length && picked.size() < byRedshift; k++) {
            int j = order[k];
            double z = points[j][ParameterSpace.REDSHIFT];
            boolean distinct = picked.stream().allMatch(c ->
                    Math.abs(c.theta()[ParameterSpace.REDSHIFT] - z) > DISTINCT_REDSHIFT * (1 + z));
            if (distinct) {
                picked.add(candidate(j));
            }
        }
        for (int k = 0; k < order.length && picked.size() < count; k++) {
            int j = order[k];
            if (picked.stream().noneMatch(c -> c.theta()[ParameterSpace.REDSHIFT] == points[j][ParameterSpace.REDSHIFT])) {
                picked.add(candidate(j));
            }
        }
        return picked;
    }

    /**
     * Draws {@code count} bank points (with their drawn masses) in proportion to their weight for the
     * posterior tempered to β (systematic resampling), or returns an empty list when the weights are too
     * concentrated for that (effective sample size below {@code minEss}): the posterior is then narrower
     * than the bank resolves.
     */
    List<double[]> resample(double beta, int count, double minEss, RandomGenerator random) {
        int[] picked = ImportanceResampling.resampleIndices(temperedLogWeight(beta), count, minEss, random);
        if (picked == null) {
            return List.of();
        }
        List<double[]> drawn = new ArrayList<>(count);
        for (int j : picked) {
            double[] theta = bank.points()[j].clone();
            theta[ParameterSpace.LOG10_MASS] = drawnMass[j];
            drawn.add(theta);
        }
        return drawn;
    }

    /**
     * The largest β in (0, 1] at which the tempered importance weights still have an effective sample
     * size of {@code minEss} (bisection in log β; the ESS falls as β grows), or 0 when not even
     * β = {@link #MIN_BETA} reaches it.
     */
    double largestResolvedBeta(double minEss) {
        if (ImportanceResampling.effectiveSampleSize(temperedLogWeight(1)) >= minEss) {
            return 1;
        }
        double lo = Math.log(MIN_BETA);
        if (ImportanceResampling.effectiveSampleSize(temperedLogWeight(MIN_BETA)) < minEss) {
            return 0;
        }
        double hi = 0;
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            if (ImportanceResampling.effectiveSampleSize(temperedLogWeight(Math.exp(mid))) >= minEss) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(lo);
    }

    private Candidate candidate(int j) {
        double[] theta = bank.points()[j].clone();
        theta[ParameterSpace.LOG10_MASS] = logMass[j];
        return new Candidate(theta, logPosterior[j]);
    }

    private static double finiteOrMin(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
