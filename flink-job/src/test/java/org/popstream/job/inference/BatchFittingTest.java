package org.popstream.job.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.job.testing.Galaxies.galaxy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.job.batching.GalaxyBatch;
import org.popstream.job.batching.QueuedGalaxy;
import org.popstream.job.testing.ArithmeticFitter;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;

class BatchFittingTest {

    private static final FitSettings SETTINGS = new FitSettings(new SamplerSettings(16, 40, 20, 5, 10, false, 50),
            InitialisationSettings.DEFAULT, 7, 1, true, 0);
    private static final String PRIOR = new AnalyticPrior(AnalyticPriorSettings.DEFAULT).description();
    private static final long NOW = 123_456L;

    private final PosteriorSummaries summaries = new PosteriorSummaries(SETTINGS, PRIOR);

    private static GalaxyBatch batch(String... ids) {
        return new GalaxyBatch(java.util.Arrays.stream(ids).map(id -> new QueuedGalaxy(galaxy(id, 0.25 + id.length()), 50L)).toList(), 60L);
    }

    @Test
    void everyGalaxyGetsASummaryWithSettingsModelVersionAndTimings() {
        GalaxyBatch batch = batch("a", "bb");

        FittedBatch fitted = new BatchFitting(new ArithmeticFitter(), summaries, () -> NOW).fit(batch);

        assertEquals(2, fitted.fitted());
        assertEquals(0.3, fitted.meanAcceptance(), 1e-12);
        PosteriorSummary a = fitted.outcomes().get(0).summary();
        assertEquals("a", a.getGalaxyId());
        assertEquals(ArithmeticFitter.centre(batch.galaxies().get(0).galaxy().photometry()), a.getQuantities().get(0).getP50());
        assertEquals(SETTINGS.sampler().walkers(), a.getSettings().getWalkers());
        assertEquals(SETTINGS.seed(), a.getSettings().getSeed());
        assertTrue(a.getSettings().getPrior().startsWith("analytic(zmax=6"), a.getSettings().getPrior());
        assertEquals(ArithmeticFitter.MODEL_VERSION, a.getModelVersion());
        assertEquals(100L, a.getTimings().getEmittedAtMillis());
        assertEquals(50L, a.getTimings().getQueuedAtMillis());
        assertEquals(NOW, a.getTimings().getSummaryEmittedAtMillis());
        assertEquals(fitted.batchMillis() / 2, a.getTimings().getInferenceMillis(), 1e-9);
        assertEquals("tile-1", a.getTileId());
        assertEquals(0.3, a.getSpecZ());
        assertEquals("v", a.getAttributes().get("k"));
        assertEquals(List.of("z"), fitted.outcomes().get(1).samples().getParameterNames());
        assertEquals(2, fitted.outcomes().get(1).samples().getSamples().size());
    }

    @Test
    void onePoisonousGalaxyFailsAloneWhileItsBatchMatesAreFitted() {
        GalaxyBatch batch = batch("a", ArithmeticFitter.POISON + "-1", "c");

        FittedBatch fitted = new BatchFitting(new ArithmeticFitter(), summaries, () -> NOW).fit(batch);

        assertEquals(2, fitted.fitted());
        assertEquals("a", fitted.outcomes().get(0).summary().getGalaxyId());
        assertEquals("c", fitted.outcomes().get(2).summary().getGalaxyId());
        RejectedEvent rejected = fitted.outcomes().get(1).rejected();
        assertNull(fitted.outcomes().get(1).summary());
        assertEquals(RejectReason.INFERENCE_FAILED, rejected.getReason());
        assertEquals(ArithmeticFitter.POISON + "-1", rejected.getGalaxyId());
        assertTrue(rejected.getMessage().contains("cannot fit"), rejected.getMessage());
        byte[] original = new byte[rejected.getOriginalBytes().remaining()];
        rejected.getOriginalBytes().duplicate().get(original);
        assertArrayEquals(batch.galaxies().get(1).galaxy().originalBytes(), original);
    }

    @Test
    void aFitterBreakingTheResultContractIsRefittedGalaxyByGalaxy() {
        GalaxyFitter dropsTheLastResult = new GalaxyFitter() {
            private final ArithmeticFitter inner = new ArithmeticFitter();

            @Override
            public List<PosteriorResult> fit(List<GalaxyPhotometry> batch) {
                List<PosteriorResult> all = inner.fit(batch);
                return batch.size() > 1 ? all.subList(0, all.size() - 1) : all;
            }

            @Override
            public String modelVersion() {
                return inner.modelVersion();
            }

            @Override
            public void close() {}
        };

        FittedBatch fitted = new BatchFitting(dropsTheLastResult, summaries, () -> NOW).fit(batch("a", "b", "c"));

        assertEquals(List.of("a", "b", "c"), fitted.outcomes().stream().map(o -> o.summary().getGalaxyId()).toList());
    }

    @Test
    void withoutSampleTopicNoDrawsAreCarried() {
        FittedBatch fitted = new BatchFitting(new ArithmeticFitter(), new PosteriorSummaries(SETTINGS.withKeepSamples(false), PRIOR), () -> NOW)
                .fit(batch("a"));

        assertNull(fitted.outcomes().get(0).samples());
    }

    @Test
    void timedOutBatchBecomesOneDeadLetterPerGalaxy() {
        List<InferenceOutcome> outcomes = BatchFitting.failedBatch(batch("a", "b"), "inference timed out", NOW);

        assertEquals(List.of("a", "b"), outcomes.stream().map(o -> o.rejected().getGalaxyId()).toList());
        assertTrue(outcomes.stream().allMatch(o -> o.rejected().getReason() == RejectReason.INFERENCE_FAILED));
        assertEquals(NOW, outcomes.get(0).rejected().getRejectedAtMillis());
    }
}
