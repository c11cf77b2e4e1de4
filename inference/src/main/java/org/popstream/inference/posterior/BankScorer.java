package org.popstream.inference.posterior;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.prior.Bounds;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;

/**
 * Scores every bank point against one galaxy and returns the best few distinct ones. The mass is
 * profiled out: fluxes scale linearly with formed mass, so for each bank shape the best amplitude
 * has a closed form (weighted least squares on the detections), clamped to the prior's mass range.
 */
final class BankScorer {

    /** Two starts count as distinct modes when their redshifts differ by more than this × (1 + z). */
    static final double DISTINCT_REDSHIFT = 0.05;

    record Candidate(double[] theta, double logPosterior) {}

    private final PriorBank bank;
    private final Prior prior;
    private final LikelihoodCalibration calibration;

    BankScorer(PriorBank bank, Prior prior, LikelihoodCalibration calibration) {
        this.bank = bank;
        this.prior = prior;
        this.calibration = calibration;
    }

    /** Every bank point's log posterior for one galaxy, with its profiled log10 mass. */
    record Scores(double[] logPosterior, double[] logMass) {}

    Scores score(ObservedPhotometry obs, int galaxy) {
        int nb = obs.bands();
        Bounds bounds = prior.bounds();
        double massLo = bounds.lower(ParameterSpace.LOG10_MASS);
        double massHi = bounds.upper(ParameterSpace.LOG10_MASS);
        double[] scores = new double[bank.size()];
        double[] masses = new double[bank.size()];
        double[] zp = calibration.zeroPoints();
        double[] floor = calibration.errorFloors();
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
            double logMass = den > 0 && num > 0 ? Math.log10(num / den) : bank.points()[j][ParameterSpace.LOG10_MASS];
            logMass = Math.min(massHi, Math.max(massLo, logMass));
            double amplitude = Math.pow(10, logMass);
            double lnL = 0;
            for (int b = 0; b < nb; b++) {
                double mu = zp[b] * amplitude * t[b];
                double e = obs.error()[base + b];
                double s = Math.sqrt(e * e + floor[b] * mu * floor[b] * mu);
                if (obs.detected()[base + b] > 0) {
                    lnL += StudentT2.logDensity(obs.flux()[base + b], mu, s);
                } else if (obs.upperLimited()[base + b] > 0) {
                    lnL += StudentT2.logCdf((obs.limit()[base + b] - mu) / s);
                }
            }
            double[] theta = bank.points()[j].clone();
            theta[ParameterSpace.LOG10_MASS] = logMass;
            scores[j] = lnL + prior.logDensity(theta);
            masses[j] = logMass;
        }
        return new Scores(scores, masses);
    }

    /** The best {@code count} bank points for one galaxy (see {@link #best(Scores, int)}). */
    List<Candidate> best(ObservedPhotometry obs, int galaxy, int count) {
        return best(score(obs, galaxy), count);
    }

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
     * Draws {@code count} bank points in proportion to their posterior weight (systematic
     * resampling), or returns an empty list when the weights are too concentrated for that (effective
     * sample size below {@code minEss}): the posterior is then narrower than the bank resolves.
     */
    List<double[]> resample(Scores s, int count, double minEss, java.util.random.RandomGenerator random) {
        double[] lp = s.logPosterior();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lp) {
            max = Math.max(max, Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v);
        }
        if (!Double.isFinite(max)) {
            return List.of();
        }
        double[] w = new double[lp.length];
        double sum = 0;
        double sum2 = 0;
        for (int j = 0; j < w.length; j++) {
            w[j] = Double.isNaN(lp[j]) ? 0 : Math.exp(lp[j] - max);
            sum += w[j];
            sum2 += w[j] * w[j];
        }
        if (sum * sum / sum2 < minEss) {
            return List.of();
        }
        List<double[]> out = new ArrayList<>(count);
        double u = random.nextDouble() / count;
        double cumulative = 0;
        int j = 0;
        for (int k = 0; k < count; k++) {
            double target = (u + (double) k / count) * sum;
            while (j < w.length - 1 && cumulative + w[j] < target) {
                cumulative += w[j++];
            }
            double[] theta = bank.points()[j].clone();
            theta[ParameterSpace.LOG10_MASS] = s.logMass()[j];
            out.add(theta);
        }
        return out;
    }

    private Candidate candidate(int j, double logMass, double score) {
        double[] theta = bank.points()[j].clone();
        theta[ParameterSpace.LOG10_MASS] = logMass;
        return new Candidate(theta, score);
    }

    private static double finiteOrMin(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
