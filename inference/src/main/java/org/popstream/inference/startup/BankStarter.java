package org.popstream.inference.startup;

import java.util.List;
import java.util.SplittableRandom;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.posterior.PriorBank;
import org.popstream.inference.sampler.GalaxyRandomStream;
import org.popstream.inference.sampler.TemperingSchedule;

/**
 * Starts one galaxy from the prior bank where the bank resolves its posterior, and picks the seeds
 * of its mode search.
 *
 * <p>When the posterior is broad enough for the bank (importance ESS ≥ {@link #BANK_ESS_PER_WALKER}
 * per walker), walkers are the bank resampled by posterior weight (the multimodality trap: every mode
 * then gets walkers in proportion to its mass, which a few Laplace Gaussians cannot promise), each
 * point with a mass drawn around its best-fitting one and importance-weighted for it: resampling the
 * profiled masses themselves would put every walker on the best-fit-mass ridge, which is no posterior
 * draw. With {@code anneal}, a galaxy the bank does not resolve at β = 1 starts instead from the bank
 * resampled for its likelihood tempered to the largest β the bank resolves, down to what the burn-in
 * can anneal from ({@link TemperingSchedule#smallestStartBeta}).
 */
final class BankStarter {

    /** Importance effective sample size per walker the bank must reach to supply the walkers. */
    static final double BANK_ESS_PER_WALKER = 2;

    private final BankScorer scorer;
    private final InitialisationSettings settings;

    /** Draws and emulates the bank: it depends on {@code seed} only, so every galaxy sees the same one. */
    BankStarter(PhotometricPosterior posterior, LikelihoodCalibration calibration, InitialisationSettings settings,
                long seed, int threads) {
        this.settings = settings;
        PriorBank bank = PriorBank.draw(posterior.prior(), posterior.model(), settings.bankSize(), seed, threads);
        this.scorer = new BankScorer(bank, posterior.prior(), calibration);
    }

    /** Galaxy {@code galaxy} of {@code photometry}, whose id is {@code id}; its draws come from its "bank" stream. */
    BankStart start(ObservedPhotometry photometry, int galaxy, String id, StartRequest request) {
        SplittableRandom random = GalaxyRandomStream.of(request.seed(), id, "bank").generator();
        BankScores scores = scorer.score(photometry, galaxy, random);
        double minEss = BANK_ESS_PER_WALKER * request.walkers();
        double beta = settings.anneal() ? scores.largestResolvedBeta(minEss) : 1;
        if (beta < TemperingSchedule.smallestStartBeta(request.burn())) { // too narrow to anneal onto: Laplace
            beta = 0;
        }
        List<double[]> walkers = beta > 0 ? scores.resample(beta, request.walkers(), minEss, random) : List.of();
        List<double[]> seeds = scores.best(settings.starts()).stream().map(BankScores.Candidate::theta).toList();
        return new BankStart(seeds, beta > 0 ? beta : 1, walkers);
    }
}
