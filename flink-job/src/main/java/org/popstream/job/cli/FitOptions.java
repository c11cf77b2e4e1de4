package org.popstream.job.cli;

import java.nio.file.Path;
import java.util.List;
import org.popstream.inference.likelihood.Leistedt23Calibration;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.calibration.BandCalibration;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.inference.fit.FitModel;
import org.popstream.inference.fit.FitSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Model, prior, calibration and sampler options shared by {@code fit}, {@code mock} and {@code bench sampler}.
 * Prior ({@code --prior}, {@code --prior-terms}, {@code --prior-mass}, {@code --zmax}) and calibration
 * ({@code --zeropoints}, {@code --error-floor}) come from their own mixins.
 */
public final class FitOptions {

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory (default: $POPSTREAM_MODELS, then ../shared/models/pop-cosmos).")
    Path models;

    @Option(names = "--walkers", defaultValue = "64", description = "Walkers per galaxy, even (default: ${DEFAULT-VALUE}).")
    int walkers;

    @Option(names = "--steps", defaultValue = "1000", description = "Steps including burn-in (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--burn", defaultValue = "500", description = "Burn-in steps discarded (default: ${DEFAULT-VALUE}).")
    int burn;

    @Option(names = "--thin", defaultValue = "10", description = "Keep every T-th step after burn-in (default: ${DEFAULT-VALUE}).")
    int thin;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; with the galaxy id it fixes each galaxy's stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bands", defaultValue = "all", split = ",", description = "Bands entering the likelihood, comma-separated, or 'all' (default).")
    List<String> bands;

    @Mixin PriorOptions priorOptions;

    @Mixin PhotometricCalibrationOptions calibrationOptions;

    @Option(names = "--threads", defaultValue = "2", description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--early-stop", description = "Stop a galaxy once its autocorrelation time is stable and its chain longer than K·τ.")
    boolean earlyStop;

    @Option(names = "--early-stop-factor", defaultValue = "50", paramLabel = "K", description = "K of --early-stop, also the τ multiple of the converged flag (default: ${DEFAULT-VALUE}).")
    double earlyStopFactor;

    @Option(names = "--steps-per-run", defaultValue = "10", description = "Sampler steps unrolled into one TensorFlow run (default: ${DEFAULT-VALUE}).")
    int stepsPerRun;

    @Option(names = "--bank", defaultValue = "16384", description = "Prior draws scored per galaxy to find starting points (default: ${DEFAULT-VALUE}).")
    int bank;

    @Option(names = "--starts", defaultValue = "4", description = "Distinct best bank points refined per galaxy (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--adam-steps", defaultValue = "250", description = "Adam iterations of the MAP search (default: ${DEFAULT-VALUE}).")
    int adamSteps;

    @Option(names = "--no-optimise", description = "Skip the MAP optimisation: Laplace around the best bank points.")
    boolean noOptimise;

    @Option(names = "--no-anneal", description = "Start every galaxy the bank cannot resolve from the Laplace mixture "
            + "instead of a tempered bank annealed to β = 1 during burn-in.")
    boolean noAnneal;

    /** Photometric calibration entering the likelihood. */
    enum Calibration { NONE, LEISTEDT23 }

    @Option(names = "--calibration", defaultValue = "NONE",
            description = "Zero points and error floors: ${COMPLETION-CANDIDATES} (LEISTEDT23 = pop-cosmos COSMOS2020 values; default: ${DEFAULT-VALUE}).")
    Calibration calibration;

    /** --calibration LEISTEDT23 (published values) or --zeropoints/--error-floor (our own calibration), not both. */
    private LikelihoodCalibration calibrationFor(List<String> bandNames) {
        if (calibration == Calibration.LEISTEDT23) {
            if (calibrationOptions.isGiven()) {
                throw calibrationOptions.conflict("--calibration LEISTEDT23 cannot be combined with --zeropoints or --error-floor");
            }
            return Leistedt23Calibration.forBands(bandNames);
        }
        BandCalibration own = calibrationOptions.resolve(bandNames);
        return new LikelihoodCalibration(own.factors(), own.errorFloors());
    }

    List<Band> bandList() {
        return bands.size() == 1 ? CosmosBands.parse(bands.get(0)) : CosmosBands.parse(String.join(",", bands));
    }

    /** Validates everything once and loads the model files; {@code batchSize} is the fixed TF batch shape. */
    FittingContext open(int batchSize) {
        SamplerSettings sampler = new SamplerSettings(walkers, steps, burn, thin, stepsPerRun, earlyStop, earlyStopFactor);
        InitialisationSettings init = new InitialisationSettings(bank, starts, !noOptimise, adamSteps, !noAnneal);
        FitSettings settings = new FitSettings(sampler, init, seed, threads, false, batchSize);
        FitModel fitModel = FitModel.load(ModelDirectory.resolve(models), bandList(), priorOptions.build(), this::calibrationFor);
        return new FittingContext(settings, fitModel);
    }
}
