package org.popstream.job.cli;

import java.nio.file.Path;
import java.util.List;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.inference.posterior.InitialisationSettings;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.Prior;
import org.popstream.inference.prior.learned.LearnedPriorSettings;
import org.popstream.inference.prior.learned.PriorChoice;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.fit.PopCosmosQuantities;
import picocli.CommandLine.Option;

/** Model, prior and sampler options shared by {@code fit}, {@code mock} and {@code bench sampler}. */
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

    @Option(names = "--zmax", defaultValue = "6", description = "Upper end of the uniform redshift prior (default: ${DEFAULT-VALUE}).")
    double zmax;

    @Option(names = "--prior", defaultValue = "analytic", converter = PriorChoiceConverter.class, paramLabel = "PRIOR",
            description = "Population prior: " + PriorChoice.OPTION_HELP + "; a learned prior keeps the analytic box as its support (default: ${DEFAULT-VALUE}).")
    PriorChoice prior;

    @Option(names = "--prior-grid-steps", defaultValue = "128",
            description = "RK4 steps of a learned prior's log-density inside the sampler (default: ${DEFAULT-VALUE}; see 'bench prior').")
    int priorGridSteps;

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

    List<Band> bandList() {
        return bands.size() == 1 ? CosmosBands.parse(bands.get(0)) : CosmosBands.parse(String.join(",", bands));
    }

    /** Validates everything once and loads the model files. */
    FittingContext open() {
        SamplerSettings sampler = new SamplerSettings(walkers, steps, burn, thin, stepsPerRun, earlyStop, earlyStopFactor);
        InitialisationSettings init = new InitialisationSettings(bank, starts, !noOptimise, adamSteps);
        FitSettings settings = new FitSettings(sampler, init, seed, threads, false);
        Prior prior = this.prior.create(AnalyticPriorSettings.DEFAULT.withZMax(zmax), new LearnedPriorSettings(
                priorGridSteps, LearnedPriorSettings.DEFAULT.reference(), LearnedPriorSettings.DEFAULT.mapping()));
        ModelDirectory directory = ModelDirectory.resolve(models);
        List<Band> bandList = bandList();
        PhotometryModel model = PhotometryModel.load(directory, bandList);
        LikelihoodCalibration calibration = LikelihoodCalibration.none(bandList.size());
        PhotometricPosterior posterior = new PhotometricPosterior(prior, model, new StudentTLikelihood(calibration));
        return new FittingContext(settings, prior, model, posterior, calibration,
                new PopCosmosQuantities(StellarMassEmulator.read(directory), model.distances()));
    }
}
