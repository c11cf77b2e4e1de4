package org.popstream.inference.startup;

import java.util.random.RandomGenerator;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.posterior.PriorBank;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;

/**
 * Scores every bank point against one galaxy, the first step of the start-up. The mass is
 * profiled out: fluxes scale linearly with formed mass, so for each bank shape the best amplitude
 * has a closed form (weighted least squares on the detections), clamped to the prior's mass range.
 * That profile score finds modes; for resampling, each point gets a mass drawn from a proposal around
 * the best fit and an importance weight for it (see {@link BankScores}).
 */
final class BankScorer {

    /**
     * Share of the mass proposal spread uniformly over the whole mass range, so the importance
     * weights stay bounded where the Gaussian around the best-fitting mass is too narrow.
     */
    static final double UNIFORM_MASS_SHARE = 0.1;
    /** Widening of the least-squares mass error in the proposal (Student-t likelihood has heavier tails). */
    static final double MASS_SPREAD_INFLATION = 1.5;

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
     * Every bank point scored against galaxy {@code galaxy} of {@code obs}; {@code random} draws the
     * masses of the importance-weighted points (one or two numbers per bank point, in bank order).
     */
    BankScores score(ObservedPhotometry obs, int galaxy, RandomGenerator random) {
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
        return new BankScores(bank, scores, masses, weights, drawn, likelihoods);
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
}
