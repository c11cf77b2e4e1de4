package org.popstream.inference.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.posterior.PhotometricPosterior;
import org.popstream.inference.sampler.EarlyStopRule;
import org.popstream.inference.sampler.GalaxyChain;
import org.popstream.inference.sampler.GalaxyRandomStream;
import org.popstream.inference.sampler.StableAutocorrelationStop;
import org.popstream.inference.sampler.StretchMoveSampler;
import org.popstream.inference.startup.BankLaplaceStart;
import org.popstream.inference.startup.BatchStart;
import org.popstream.inference.startup.StartRequest;
import org.popstream.inference.startup.StartStrategy;
import org.popstream.inference.summary.DerivedSample;
import org.popstream.inference.summary.PosteriorSummarizer;
import org.popstream.inference.summary.QuantityNames;

/**
 * {@link GalaxyFitter} by stretch-move ensembles in TensorFlow, started by a {@link StartStrategy}
 * (by default the bank, MAP search and Laplace mixture of {@link BankLaplaceStart}). Sessions are
 * built per distinct batch size and reused. Every random number a galaxy sees derives from
 * (seed, galaxy id) alone.
 */
public final class EnsembleGalaxyFitter implements GalaxyFitter {

    /** Optional observer of sampling progress within a batch (steps done of steps requested). */
    public interface Progress {
        void batchSteps(int galaxies, int stepsDone, int stepsTotal);
    }

    private final PhotometricPosterior posterior;
    private final FitSettings settings;
    private final StartStrategy startStrategy;
    private final PosteriorSummarizer summarizer;
    private final Map<Integer, StretchMoveSampler<ObservedPhotometry>> samplers = new HashMap<>();
    private Progress progress = (g, done, total) -> {};

    public EnsembleGalaxyFitter(PhotometricPosterior posterior, FitSettings settings, DerivedSample quantities,
                                org.popstream.inference.likelihood.LikelihoodCalibration calibration) {
        this(posterior, settings, quantities, new BankLaplaceStart(posterior, calibration, settings.initialisation(),
                settings.seed(), settings.threads()));
    }

    /** Chains started by {@code startStrategy}, which the fitter closes with itself. */
    public EnsembleGalaxyFitter(PhotometricPosterior posterior, FitSettings settings, DerivedSample quantities,
                                StartStrategy startStrategy) {
        this.posterior = posterior;
        this.settings = settings;
        this.startStrategy = startStrategy;
        this.summarizer = new PosteriorSummarizer(quantities, QuantityNames.ALL, settings.sampler().earlyStopFactor());
    }

    public void onProgress(Progress listener) {
        this.progress = listener;
    }

    /** Filler galaxies have no bands (prior-only posterior); their results are dropped. */
    private static final String FILLER_PREFIX = "\u0000filler-";

    @Override
    public List<PosteriorResult> fit(List<GalaxyPhotometry> batch) {
        int size = settings.batchSize();
        if (size == 0) {
            return fitAtOwnSize(batch);
        }
        List<PosteriorResult> results = new ArrayList<>(batch.size());
        for (int start = 0; start < batch.size(); start += size) {
            List<GalaxyPhotometry> chunk = new ArrayList<>(batch.subList(start, Math.min(batch.size(), start + size)));
            int real = chunk.size();
            for (int k = real; k < size; k++) {
                chunk.add(new GalaxyPhotometry(FILLER_PREFIX + k, List.of(), Map.of()));
            }
            results.addAll(fitAtOwnSize(chunk).subList(0, real));
        }
        return results;
    }

    private List<PosteriorResult> fitAtOwnSize(List<GalaxyPhotometry> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        int g = batch.size();
        List<String> ids = batch.stream().map(GalaxyPhotometry::id).toList();
        ObservedPhotometry obs = ObservedPhotometry.of(batch, posterior.model().bandNames());
        int walkers = settings.sampler().walkers();
        BatchStart init = startStrategy.start(obs, ids, new StartRequest(settings.seed(), walkers, settings.sampler().burn()));
        StretchMoveSampler<ObservedPhotometry> sampler = samplers.computeIfAbsent(g,
                n -> new StretchMoveSampler<>(posterior, settings.sampler(), n, settings.threads()));
        List<GalaxyRandomStream> streams = new ArrayList<>(g);
        for (String id : ids) {
            streams.add(GalaxyRandomStream.of(settings.seed(), id, "mcmc"));
        }
        EarlyStopRule stop = settings.sampler().earlyStop()
                ? StableAutocorrelationStop.forBatch(g, settings.sampler().earlyStopFactor())
                : EarlyStopRule.NEVER;
        int total = settings.sampler().steps();
        List<GalaxyChain> chains = sampler.sample(obs, init.ensemble(), streams, stop,
                done -> progress.batchSteps(g, done, total), init.tempering());
        double millisPerGalaxy = (System.nanoTime() - start) / 1e6 / g;
        List<PosteriorResult> results = new ArrayList<>(g);
        for (int i = 0; i < g; i++) {
            GalaxyPhotometry galaxy = batch.get(i);
            if (galaxy.id().startsWith(FILLER_PREFIX)) {
                continue; // fillers only pad the batch shape; nobody reads their posterior
            }
            results.add(summarizer.summarise(galaxy.id(), chains.get(i), walkers, obs.bandsUsed(i), millisPerGalaxy,
                    galaxy.attributes(), settings.keepSamples()));
        }
        return results;
    }

    @Override
    public String modelVersion() {
        return posterior.model().version();
    }

    @Override
    public void close() {
        samplers.values().forEach(StretchMoveSampler::close);
        samplers.clear();
        startStrategy.close();
    }
}
