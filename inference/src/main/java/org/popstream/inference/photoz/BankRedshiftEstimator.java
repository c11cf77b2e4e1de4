package org.popstream.inference.photoz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.popstream.inference.calibration.BandCalibration;
import org.popstream.inference.calibration.MeasuredFluxes;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.posterior.TemplateEmulator;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;

/**
 * Redshift posteriors by importance sampling from one shared bank of proposal draws, the mass
 * marginalised analytically: flux ∝ M_formed, so per bank member the mass is fitted by least squares and
 * integrated in the Laplace approximation. Weight of member k for a target prior p:
 * L(θ_k, M̂_k)·σ_M,k·p(θ_k, M̂_k)/q(θ_k, M̂_k) (q = the proposal, whose mass term is uniform).
 *
 * <p>Cheap (the bank is emulated once, every galaxy and every prior reuse it), so priors and
 * calibrations can be compared on the same draws. It is a coarse posterior: at high S/N few members
 * carry the weight, so point estimates are good but intervals are under-resolved (reported as
 * {@link RedshiftEstimate#effectiveDraws()}). The streaming job's MCMC is the real fitter.
 */
public final class BankRedshiftEstimator {
    /** Members more than this far below the best ln weight are ignored (e^-30 ~ 1e-13). */
    private static final double LN_WEIGHT_CUT = 30.0;

    private final Prior proposal;
    private final List<String> bands;
    private final double[][] points;
    private final double[][] templates;
    private final double massMin;
    private final double massMax;

    public BankRedshiftEstimator(PhotometryModel model, Prior proposal, int bankSize, long seed, int threads) {
        this.proposal = proposal;
        this.bands = model.bandNames();
        SplittableRandom random = new SplittableRandom(seed);
        this.points = new double[bankSize][];
        for (int i = 0; i < bankSize; i++) {
            points[i] = proposal.sample(random);
        }
        try (TemplateEmulator emulator = new TemplateEmulator(model, threads)) {
            this.templates = emulator.unitMassFluxes(points);
        }
        this.massMin = proposal.bounds().lower(ParameterSpace.LOG10_MASS);
        this.massMax = proposal.bounds().upper(ParameterSpace.LOG10_MASS);
    }

    public RedshiftEstimate estimate(GalaxyPhotometry galaxy, Prior target, BandCalibration calibration) {
        ToDoubleFunction<double[]> ratio = target == proposal ? theta -> 0.0
                : theta -> target.logDensity(theta) - proposal.logDensity(theta);
        return estimate(galaxy, List.of(ratio), calibration).get(0);
    }

    /**
     * One estimate per target prior, each given as its log density ratio to the proposal (e.g.
     * {@code BetaPrior::logDensityRatioToAnalytic}). The likelihood part does not depend on the prior, so it
     * is computed once and only re-weighted per target.
     */
    public List<RedshiftEstimate> estimate(GalaxyPhotometry galaxy, List<ToDoubleFunction<double[]>> targets,
            BandCalibration calibration) {
        MeasuredFluxes measured = MeasuredFluxes.of(galaxy, bands);
        double[] lnLikelihood = new double[points.length];
        double[] logMass = new double[points.length];
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points.length; k++) {
            lnLikelihood[k] = profileLikelihood(templates[k], measured, calibration, k, logMass);
            best = Math.max(best, lnLikelihood[k]);
        }
        List<RedshiftEstimate> estimates = new java.util.ArrayList<>();
        for (ToDoubleFunction<double[]> target : targets) {
            estimates.add(best == Double.NEGATIVE_INFINITY ? RedshiftEstimate.failed()
                    : posterior(lnLikelihood, logMass, best, target));
        }
        return estimates;
    }

    private RedshiftEstimate posterior(double[] lnLikelihood, double[] logMass, double best, ToDoubleFunction<double[]> lnRatio) {
        // the prior ratio only where it can matter: the expensive part, so after the likelihood cut
        double[] lnWeight = new double[points.length];
        double[] candidate = new double[ParameterSpace.DIMENSION];
        double bestPosterior = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points.length; k++) {
            if (lnLikelihood[k] < best - LN_WEIGHT_CUT) {
                lnWeight[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            System.arraycopy(points[k], 0, candidate, 0, candidate.length);
            candidate[ParameterSpace.LOG10_MASS] = logMass[k];
            double ratio = lnRatio.applyAsDouble(candidate);
            lnWeight[k] = lnLikelihood[k] + (Double.isNaN(ratio) ? Double.NEGATIVE_INFINITY : ratio);
            bestPosterior = Math.max(bestPosterior, lnWeight[k]);
        }
        if (bestPosterior == Double.NEGATIVE_INFINITY) {
            return RedshiftEstimate.failed();
        }
        double[] z = new double[points.length];
        double[] w = new double[points.length];
        int n = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int k = 0; k < points.length; k++) {
            double weight = Math.exp(lnWeight[k] - bestPosterior);
            if (weight > 0) {
                z[n] = points[k][ParameterSpace.REDSHIFT];
                w[n] = weight;
                sum += weight;
                sumSquares += weight * weight;
                n++;
            }
        }
        double[][] sorted = sortByValue(z, w, n);
        return new RedshiftEstimate(quantile(sorted, sum, 0.5), quantile(sorted, sum, 0.025), quantile(sorted, sum, 0.16),
                quantile(sorted, sum, 0.84), quantile(sorted, sum, 0.975), sum * sum / sumSquares);
    }

    /**
     * ln of the likelihood maximised over mass, times the Laplace width of the mass direction
     * (amplitude by weighted least squares on the detections; Student-t ν = 2 terms of science.md §3).
     */
    private double profileLikelihood(double[] template, MeasuredFluxes measured, BandCalibration calibration,
            int k, double[] logMassOut) {
        double[] f = measured.flux();
        double[] s = measured.error();
        int[] kind = measured.kind();
        MeasuredFluxes.AmplitudeFit fit = measured.fitAmplitude(template, calibration);
        double amplitude = fit.amplitude();
        if (Double.isNaN(amplitude)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logMass = Math.log10(amplitude);
        if (!(logMass >= massMin && logMass <= massMax)) {
            return Double.NEGATIVE_INFINITY;
        }
        logMassOut[k] = logMass;
        double lnL = 0;
        for (int b = 0; b < f.length; b++) {
            if (kind[b] == MeasuredFluxes.MISSING) {
                continue;
            }
            double mu = amplitude * calibration.factor(b) * template[b];
            double floor = calibration.errorFloor(b) * mu;
            double scale = Math.sqrt(s[b] * s[b] + floor * floor);
            lnL += kind[b] == MeasuredFluxes.DETECTED ? StudentT2.logDensity(f[b], mu, scale) : StudentT2.logCdf((f[b] - mu) / scale);
        }
        // σ of log10 M from the curvature of the Gaussian fit: σ_A = 1/√stt
        double sigmaLogMass = 1.0 / (Math.log(10) * amplitude * Math.sqrt(fit.precision()));
        return lnL + Math.log(sigmaLogMass);
    }

    private static double[][] sortByValue(double[] values, double[] weights, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[][] sorted = new double[2][n];
        for (int i = 0; i < n; i++) {
            sorted[0][i] = values[order[i]];
            sorted[1][i] = weights[order[i]];
        }
        return sorted;
    }

    private static double quantile(double[][] sorted, double total, double level) {
        double cumulative = 0;
        for (int i = 0; i < sorted[0].length; i++) {
            cumulative += sorted[1][i];
            if (cumulative >= level * total) {
                return sorted[0][i];
            }
        }
        return sorted[0][sorted[0].length - 1];
    }
}
