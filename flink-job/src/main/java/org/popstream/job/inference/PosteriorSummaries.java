package org.popstream.job.inference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.batching.QueuedGalaxy;
import org.popstream.job.config.SamplerConfig;
import org.popstream.job.validation.ValidGalaxy;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;

/** Turns a fitter's {@link PosteriorResult} into the records written to Kafka. */
public final class PosteriorSummaries implements Serializable {

    private final SamplerConfig sampler;
    private final boolean publishSamples;
    private final String priorDescription;

    public PosteriorSummaries(SamplerConfig sampler, boolean publishSamples) {
        this.sampler = sampler;
        this.publishSamples = publishSamples;
        this.priorDescription = sampler.priorDescription();
    }

    public InferenceOutcome outcome(QueuedGalaxy queued, PosteriorResult result, String modelVersion,
            double inferenceMillis, long emittedAtMillis) {
        PosteriorSummary summary = summary(queued, result, modelVersion, inferenceMillis, emittedAtMillis);
        PosteriorSamples samples = publishSamples ? samples(result, modelVersion) : null;
        return InferenceOutcome.fitted(summary, samples);
    }

    PosteriorSummary summary(QueuedGalaxy queued, PosteriorResult result, String modelVersion,
            double inferenceMillis, long emittedAtMillis) {
        ValidGalaxy galaxy = queued.galaxy();
        List<QuantitySummary> quantities = result.quantities().stream()
                .map(q -> new QuantitySummary(q.name(), q.mean(), q.std(), q.p2_5(), q.p16(), q.p50(), q.p84(),
                        q.p97_5(), q.maxPosterior()))
                .toList();
        return PosteriorSummary.newBuilder()
                .setGalaxyId(galaxy.galaxyId())
                .setSurvey(galaxy.survey())
                .setTileId(galaxy.tileId())
                .setSpecZ(galaxy.specZ())
                .setQuantities(new ArrayList<>(quantities))
                .setZQuantileLevels(boxed(result.zQuantileLevels()))
                .setZQuantiles(boxed(result.zQuantiles()))
                .setPQuenched10(result.pQuenched10())
                .setPQuenched11(result.pQuenched11())
                .setAcceptance(result.acceptance())
                .setTauMax(result.tauMax())
                .setEssMin(result.essMin())
                .setConverged(result.converged())
                .setStepsUsed(result.stepsUsed())
                .setNBands(result.nBands())
                .setLnPosteriorMax(result.lnPosteriorMax())
                .setSettings(new SamplerSettings(sampler.walkers(), sampler.steps(), sampler.burn(), sampler.thin(),
                        sampler.seed(), priorDescription, sampler.earlyStop()))
                .setModelVersion(modelVersion)
                .setTimings(new Timings(galaxy.emittedAtMillis(), queued.queuedAtMillis(), inferenceMillis,
                        emittedAtMillis))
                .setAttributes(galaxy.attributes())
                .build();
    }

    private static PosteriorSamples samples(PosteriorResult result, String modelVersion) {
        List<List<Float>> draws = new ArrayList<>();
        for (float[] row : result.samples()) {
            List<Float> values = new ArrayList<>(row.length);
            for (float v : row) {
                values.add(v);
            }
            draws.add(values);
        }
        return PosteriorSamples.newBuilder()
                .setGalaxyId(result.galaxyId())
                .setParameterNames(new ArrayList<>(result.sampleColumns()))
                .setSamples(draws)
                .setModelVersion(modelVersion)
                .build();
    }

    private static List<Double> boxed(double[] values) {
        return new ArrayList<>(Arrays.stream(values).boxed().toList());
    }
}
