package org.popstream.inference.crossval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.popstream.inference.calibration.BandCalibration;
import org.popstream.inference.calibration.CalibrationResult;
import org.popstream.inference.calibration.CalibrationSettings;
import org.popstream.inference.calibration.TemplateBankFitter;
import org.popstream.inference.calibration.ZeroPointCalibrator;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.photoz.BankRedshiftEstimator;
import org.popstream.inference.photoz.RedshiftEstimate;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;

/**
 * The evidence behind the prior and calibration defaults: split a spectroscopic sample in two,
 * calibrate zero points on one half (analytic prior, fixed-z bank fits), and score photo-z on the
 * other half for every {@link PriorConfiguration#STANDARD} prior, without and with the zero points.
 * Redshifts come from one shared importance-sampling bank ({@link BankRedshiftEstimator}), so every
 * configuration sees exactly the same draws and differences are the priors', not the noise's.
 */
public final class CrossValidation {

    /** Mixed into the split seed for the redshift bank, so it is not the calibration banks' stream. */
    private static final long REDSHIFT_BANK_SEED_MIX = 0xBA4CL;

    /** Progress of a run, which takes minutes; every method has a do-nothing default. */
    public interface Listener {
        default void split(SpecZSplit split) {}

        default void calibrationIteration(CalibrationResult.Iteration iteration) {}

        default void calibrated(CalibrationResult calibration) {}

        default void bankEmulated(int size) {}

        default void scored(ConfigurationScore score) {}

        /** Every configuration has been scored without ({@code calibrated} false) or with the zero points. */
        default void passFinished(boolean calibrated) {}
    }

    private final PhotometryModel model;
    private final CrossValidationSettings settings;

    public CrossValidation(PhotometryModel model, CrossValidationSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    public CrossValidationResult run(List<GalaxyPhotometry> galaxies, double[] redshifts, Listener listener) {
        SpecZSplit split = SpecZSplit.halves(galaxies, redshifts, settings.splitSeed());
        listener.split(split);
        AnalyticPrior analytic = new AnalyticPrior(AnalyticPriorSettings.DEFAULT);
        CalibrationResult calibration = calibrate(split, analytic, listener);
        listener.calibrated(calibration);

        BankRedshiftEstimator estimator = new BankRedshiftEstimator(model, analytic, settings.bankSize(),
                settings.splitSeed() ^ REDSHIFT_BANK_SEED_MIX, settings.threads());
        listener.bankEmulated(settings.bankSize());

        List<PriorConfiguration> configurations = PriorConfiguration.STANDARD;
        List<ToDoubleFunction<double[]>> priors = configurations.stream().map(PriorConfiguration::logRatioToAnalytic).toList();
        BandCalibration identity = BandCalibration.identity(model.bandNames());
        List<ConfigurationScore> scores = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            for (BandCalibration bands : List.of(identity, calibration.calibration())) {
                boolean calibrated = bands != identity;
                List<List<RedshiftEstimate>> perGalaxy = estimate(pool, estimator, split.heldBackGalaxies(), priors, bands);
                for (int c = 0; c < configurations.size(); c++) {
                    int column = c;
                    List<RedshiftEstimate> estimates = perGalaxy.stream().map(e -> e.get(column)).toList();
                    ConfigurationScore score = ConfigurationScore.of(configurations.get(c), calibrated, estimates,
                            split.heldBackRedshifts());
                    scores.add(score);
                    listener.scored(score);
                }
                listener.passFinished(calibrated);
            }
        } finally {
            pool.shutdown();
        }
        return new CrossValidationResult(split, calibration, scores);
    }

    private CalibrationResult calibrate(SpecZSplit split, AnalyticPrior analytic, Listener listener) {
        try (TemplateBankFitter fitter = new TemplateBankFitter(model, analytic, settings.calibrationBank(),
                settings.splitSeed(), settings.threads())) {
            return new ZeroPointCalibrator(fitter, new CalibrationSettings(settings.maxIterations(), settings.tolerance(),
                    5.0, CalibrationSettings.DEFAULT_REFERENCE_BAND, settings.fitErrorFloors()))
                    .calibrate(model.bandNames(), split.calibrationGalaxies(), split.calibrationRedshifts(),
                            listener::calibrationIteration);
        }
    }

    /**
     * [galaxy][prior]: the likelihood is profiled once per galaxy and re-weighted per prior; galaxies
     * run in parallel on {@code pool}.
     */
    private static List<List<RedshiftEstimate>> estimate(ForkJoinPool pool, BankRedshiftEstimator estimator,
            List<GalaxyPhotometry> galaxies, List<ToDoubleFunction<double[]>> priors, BandCalibration bands) {
        try {
            return pool.submit(() -> IntStream.range(0, galaxies.size()).parallel()
                    .mapToObj(i -> estimator.estimate(galaxies.get(i), priors, bands)).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
