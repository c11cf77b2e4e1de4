package org.popstream.inference.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.posterior.PriorBank;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;

/**
 * Scores every bank point against one galaxy and returns the best few distinct ones. The mass is
 * profiled out: fluxes scale linearly with formed mass, so for each bank shape the best amplitude
 * has a closed form (weighted least squares on the detections), clamped to the prior's mass range.
 * That profile score finds modes; for resampling, each point gets a mass drawn from a proposal around
 * the best fit and an importance weight for it (see {@link Scores}).
 */
final class BankScorer {

    /** Two starts count as distinct modes when their redshifts differ by more than this × (1 + z). */
    static final double DISTINCT_REDSHIFT = 0.05;

    record Candidate(double[] theta, double logPosterior) {}

    private final PriorBank bank;
    private final Prior prior;
    private final LikelihoodCalibration calibration;

    /** Prior log density of each bank point as drawn. */
    private final double[] bankLogDensity;

    BankScorer(PriorBank bank, Prior prior, LikelihoodCalibration calibration) {
        this.bank = bank;
        this.prior = prior;
        this.calibration = calibration;
        this.bankLogDensity = new double[bank.size()];
        for (int j = 0; j < bank.size(); j++) {
            bankLogDensity[j] = prior.logDensity(bank.points()[j]);
        }
    }

    /**
     * Every bank point scored against one galaxy, two ways.
     *
     * @param logPosterior profile score: log posterior at the best-fitting mass {@code logMass} (finds modes)
     * @param logMass      the profiled (best-fitting, clamped) log10 mass
     * @param logWeight    importance weight of the point with mass {@code drawnMass} drawn from a proposal
     *                     around the best-fitting mass: resampling by it gives posterior draws, mass included
     * @param drawnMass    the drawn log10 mass
     * @param logLikelihood log likelihood at the drawn mass (the part of {@code logWeight} tempering scales)
     */
    record Scores(double[] logPosterior, double[] logMass, double[] logWeight, double[] drawnMass, double[] logLikelihood) {

        /** Importance log weights for the posterior with its likelihood raised to the power β. */
        double[] temperedLogWeight(double beta) {
            double[] w = new double[logWeight.length];
            for (int j = 0; j < w.length; j++) {
                w[j] = logWeight[j] - (1 - beta) * logLikelihood[j];
            }
            return w;
        }
    }

    /**
     * Share of the mass proposal spread uniformly over the whole mass range, so the importance
     * weights stay bounded where the Gaussian around the best-fitting mass is too narrow.
     */
    static final double UNIFORM_MASS_SHARE = 0.1;
    /** Widening of the least-squares mass error in the proposal (Student-t likelihood has heavier tails). */
    static final double MASS_SPREAD_INFLATION = 1.5;

    Scores score(ObservedPhotometry obs, int galaxy, RandomGenerator random) {
        int nb = obs.bands();
        Bounds bounds = prior.bounds();
        double massLo = bounds.lower(ParameterSpace.LOG10_MASS);
        double massHi = bounds.upper(ParameterSpace.LOG10_MASS);
        double massWidth = massHi - massLo;
        double logUniformMass = Math.log(1 / massWidth);
        double[] scores = new double[bank.size()];
        double[] masses = new double[bank.size()];
        double[] weights = new double[bank.size()];
        double[] drawn = new double[bank.size()];
        double[] likelihoods = new double[bank.size()];
        double[] zp = calibration.zeroPoints();
        int base = galaxy * nb;
        for (int j = 0; j < bank.size(); j++) {
            double[] t = bank.templates()[j];
            double num = 0;
            double den = 0;
            for (int b = 0; b < nb; b++) {
                if (obs.detected()[base + b] > 0) {
                    double s2 = obs.error()[base + b] * (double) obs.error()[base + b];
                    double tb = zp[b] * t[b];
                    num += obs.flux()[base + b] * tb / s2;
                    den += tb * tb / s2;
                }
            }
            boolean fitted = den > 0 && num > 0;
            double bestMass = fitted ? Math.log10(num / den) : bank.points()[j][ParameterSpace.LOG10_MASS];
            double logMass = Math.min(massHi, Math.max(massLo, bestMass));
            double[] theta = bank.points()[j].clone();
            theta[ParameterSpace.LOG10_MASS] = logMass;
            scores[j] = logLikelihood(obs, galaxy, t, logMass) + prior.logDensity(theta);
            masses[j] = logMass;

            // proposal q(m) = (1 − ε)·N(m̂, σ) truncated to the range + ε·uniform; σ from the least-squares amplitude error
            double sigma = fitted ? MASS_SPREAD_INFLATION / (Math.log(10) * Math.sqrt(den) * (num / den)) : Double.NaN;
            TruncatedGaussian gauss = fitted && sigma > 0 && Double.isFinite(sigma)
                    ? TruncatedGaussian.of(bestMass, Math.min(sigma, massWidth), massLo, massHi) : null;
            double m;
            if (gauss == null || random.nextDouble() < UNIFORM_MASS_SHARE) {
                m = massLo + massWidth * random.nextDouble();
            } else {
                m = gauss.sample(random);
            }
            double q = (gauss == null ? 1 : UNIFORM_MASS_SHARE) / massWidth
                    + (gauss == null ? 0 : (1 - UNIFORM_MASS_SHARE) * gauss.density(m));
            theta[ParameterSpace.LOG10_MASS] = m; // the bank point again, now at the drawn mass
            // the bank's shape came from the prior with its mass uniform over the range: divide that out
            likelihoods[j] = logLikelihood(obs, galaxy, t, m);
            weights[j] = likelihoods[j] + prior.logDensity(theta) - bankLogDensity[j]
                    + logUniformMass - Math.log(q);
            drawn[j] = m;
        }
        return new Scores(scores, masses, weights, drawn, likelihoods);
    }

    private double logLikelihood(ObservedPhotometry obs, int galaxy, double[] template, double logMass) {
        int nb = obs.bands();
        int base = galaxy * nb;
        double[] zp = calibration.zeroPoints();
        double[] floor = calibration.errorFloors();
        double amplitude = Math.pow(10, logMass);
        double lnL = 0;
        for (int b = 0; b < nb; b++) {
            double mu = zp[b] * amplitude * template[b];
            double e = obs.error()[base + b];
            double s = Math.sqrt(e * e + floor[b] * mu * floor[b] * mu);
            if (obs.detected()[base + b] > 0) {
                lnL += StudentT2.logDensity(obs.flux()[base + b], mu, s);
            } else if (obs.upperLimited()[base + b] > 0) {
                lnL += StudentT2.logCdf((obs.limit()[base + b] - mu) / s);
            }
        }
        return lnL;
    }

    /** N(mean, sigma) truncated to [lo, hi]: sampling by inversion, density normalised on the interval. */
    private record TruncatedGaussian(double mean, double sigma, double lo, double hi, double cdfLo, double mass) {
        private static final org.hipparchus.distribution.continuous.NormalDistribution STANDARD =
                new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);

        static TruncatedGaussian of(double mean, double sigma, double lo, double hi) {
            double cdfLo = STANDARD.cumulativeProbability((lo - mean) / sigma);
            return new TruncatedGaussian(mean, sigma, lo, hi, cdfLo, STANDARD.cumulativeProbability((hi - mean) / sigma) - cdfLo);
        }

        double sample(RandomGenerator random) {
            if (!(mass > 1e-12)) { // the Gaussian lies beyond a wall: its truncation is a point mass there
                return Math.min(hi, Math.max(lo, mean));
            }
            double x = mean + sigma * STANDARD.inverseCumulativeProbability(cdfLo + mass * random.nextDouble());
            return Math.min(hi, Math.max(lo, x));
        }

        double density(double x) {
            if (!(mass > 1e-12)) {
                return 0;
            }
            double r = (x - mean) / sigma;
            return Math.exp(-0.5 * r * r) / (Math.sqrt(2 * Math.PI) * sigma * mass);
        }
    }

    /** The best {@code count} distinct bank points by profile score: half at distinct redshifts, the rest by score. */
    List<Candidate> best(Scores s, int count) {
        double[] scores = s.logPosterior();
        double[] masses = s.logMass();
        Integer[] order = new Integer[scores.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(finiteOrMin(scores[b]), finiteOrMin(scores[a])));
        List<Candidate> picked = new ArrayList<>();
        // half the starts at distinct redshifts (Lyman/Balmer-break confusion at low S/N), the rest
        // the best remaining shapes whatever their redshift (SFH/dust modes at high S/N)
        int byRedshift = (count + 1) / 2;
        for (int k = 0; k < order.length && picked.size() < byRedshift; k++) {
            int j = order[k];
            double z = bank.points()[j][ParameterSpace.REDSHIFT];
            boolean distinct = picked.stream().allMatch(c ->
                    Math.abs(c.theta()[ParameterSpace.REDSHIFT] - z) > DISTINCT_REDSHIFT * (1 + z));
            if (distinct) {
                picked.add(candidate(j, masses[j], scores[j]));
            }
        }
        for (int k = 0; k < order.length && picked.size() < count; k++) {
            int j = order[k];
            if (picked.stream().noneMatch(c -> c.theta()[ParameterSpace.REDSHIFT] == bank.points()[j][ParameterSpace.REDSHIFT])) {
                picked.add(candidate(j, masses[j], scores[j]));
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
    List<double[]> resample(Scores s, double beta, int count, double minEss, RandomGenerator random) {
        int[] picked = ImportanceResampling.resampleIndices(s.temperedLogWeight(beta), count, minEss, random);
        if (picked == null) {
            return List.of();
        }
        List<double[]> drawn = new ArrayList<>(count);
        for (int j : picked) {
            double[] theta = bank.points()[j].clone();
            theta[ParameterSpace.LOG10_MASS] = s.drawnMass()[j];
            drawn.add(theta);
        }
        return drawn;
    }

    /**
     * The largest β in (0, 1] at which the tempered importance weights still have an effective sample
     * size of {@code minEss} (bisection in log β; the ESS falls as β grows), or 0 when not even
     * β = 10⁻⁶ reaches it.
     */
    double largestResolvedBeta(Scores s, double minEss) {
        if (ImportanceResampling.effectiveSampleSize(s.temperedLogWeight(1)) >= minEss) {
            return 1;
        }
        double lo = Math.log(MIN_BETA);
        if (ImportanceResampling.effectiveSampleSize(s.temperedLogWeight(MIN_BETA)) < minEss) {
            return 0;
        }
        double hi = 0;
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            if (ImportanceResampling.effectiveSampleSize(s.temperedLogWeight(Math.exp(mid))) >= minEss) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(lo);
    }

    /** Smallest starting temperature tried. */
    static final double MIN_BETA = 1e-6;

    private Candidate candidate(int j, double logMass, double score) {
        double[] theta = bank.points()[j].clone();
        theta[ParameterSpace.LOG10_MASS] = logMass;
        return new Candidate(theta, score);
    }

    private static double finiteOrMin(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
