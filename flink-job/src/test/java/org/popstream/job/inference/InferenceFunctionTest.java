package org.popstream.job.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.job.testing.Galaxies.galaxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
import org.popstream.schemas.RejectReason;

/** The inference function inside Flink's real async operator, driven by the operator test harness. */
// every wait bounded: operator harnesses with blocked fitters: a latch never released fails the test, never hangs the build
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class InferenceFunctionTest {

    private static final long TIMEOUT_MILLIS = 10_000;
    private static final PosteriorSummaries SUMMARIES = new PosteriorSummaries(
            new FitSettings(new SamplerSettings(16, 40, 20, 5, 10, false, 50), InitialisationSettings.DEFAULT, 1, 1, false, 0),
            new AnalyticPrior(AnalyticPriorSettings.DEFAULT).description());

    /** Remembers the fitters it made (and where), so the test can see them opened and closed. */
    private final List<ArithmeticFitter> created = new CopyOnWriteArrayList<>();
    private final List<FitterPlacement> placements = new CopyOnWriteArrayList<>();

    private GalaxyFitterFactory recordingFactory() {
        return placement -> {
            placements.add(placement);
            ArithmeticFitter fitter = new ArithmeticFitter();
            created.add(fitter);
            return fitter;
        };
    }

    private static OneInputStreamOperatorTestHarness<GalaxyBatch, InferenceOutcome> harness(GalaxyFitterFactory factory)
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(new InferenceFunction(factory, SUMMARIES), TIMEOUT_MILLIS, 2,
                        AsyncDataStream.OutputMode.UNORDERED),
                TypeInformation.of(GalaxyBatch.class).createSerializer(new SerializerConfigImpl()));
    }

    private static GalaxyBatch batch(String... ids) {
        List<QueuedGalaxy> galaxies = new ArrayList<>();
        for (String id : ids) {
            galaxies.add(new QueuedGalaxy(galaxy(id), 0L));
        }
        return new GalaxyBatch(galaxies, 0L);
    }

    private static List<String> fittedIds(OneInputStreamOperatorTestHarness<GalaxyBatch, InferenceOutcome> h) {
        return h.extractOutputValues().stream().filter(o -> o.summary() != null)
                .map(o -> o.summary().getGalaxyId()).sorted().toList();
    }

    @Test
    void batchesAreFittedOnOneFitterPerSubtaskOnTheCpuAndItIsClosedWithTheOperator() throws Exception {
        try (var h = harness(recordingFactory())) {
            h.open();
            h.processElement(batch("a", "b"), 0L);
            h.processElement(batch("c"), 0L);
            h.endInput();

            assertEquals(List.of("a", "b", "c"), fittedIds(h));
            assertEquals(1, created.size(), "one fitter per subtask, reused across batches");
            assertEquals(List.of(FitterPlacement.cpu()), placements, "no GPU assigned: CPU fallback");
        }
        assertTrue(created.get(0).isClosed(), "closing the operator closes the fitter");
    }

    @Test
    void failedInferenceBecomesDeadLettersNotAJobFailure() throws Exception {
        try (var h = harness(recordingFactory())) {
            h.open();
            h.processElement(batch("a", ArithmeticFitter.POISON + "-x"), 0L);
            h.endInput();

            List<InferenceOutcome> out = h.extractOutputValues();
            assertEquals(2, out.size());
            assertEquals(List.of("a"), fittedIds(h));
            assertTrue(out.stream().anyMatch(o -> o.rejected() != null
                    && o.rejected().getReason() == RejectReason.INFERENCE_FAILED));
            assertTrue(!h.wasFailedExternally());
        }
    }

    @Test
    void batchInFlightAtACheckpointIsReRunAfterRestore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GalaxyFitterFactory blocking = placement -> new GatedFitter(release);
        OperatorSubtaskState snapshot;
        try (var first = harness(blocking)) {
            first.open();
            first.processElement(batch("a", "b"), 0L);
            snapshot = first.snapshot(1L, 1L);
            assertTrue(first.extractOutputValues().isEmpty(), "the batch was still in flight at the checkpoint");
            release.countDown();
        }

        try (var restored = harness(recordingFactory())) {
            restored.setup();
            restored.initializeState(snapshot);
            restored.open();
            restored.endInput();

            assertEquals(List.of("a", "b"), fittedIds(restored));
        }
    }

    @Test
    void batchThatTimesOutIsRejectedGalaxyByGalaxy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (var h = harness(placement -> new GatedFitter(release))) {
            h.open();
            h.setProcessingTime(0);
            h.processElement(batch("slow-1", "slow-2"), 0L);

            h.setProcessingTime(TIMEOUT_MILLIS + 1);
            release.countDown();
            h.endInput();

            List<InferenceOutcome> out = h.extractOutputValues();
            assertEquals(2, out.size());
            assertTrue(out.stream().allMatch(o -> o.rejected() != null
                    && o.rejected().getReason() == RejectReason.INFERENCE_FAILED
                    && o.rejected().getMessage().contains("timed out")));
        }
    }

    /** Holds every batch until released: a batch that is still in flight. */
    private static final class GatedFitter implements GalaxyFitter {
        private final CountDownLatch release;
        private final ArithmeticFitter inner = new ArithmeticFitter();

        GatedFitter(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public List<PosteriorResult> fit(List<GalaxyPhotometry> batch) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return inner.fit(batch);
        }

        @Override
        public String modelVersion() {
            return inner.modelVersion();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
