package org.popstream.inference.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.summary.AutocorrelationTime;

class EarlyStopTest {

    @Test
    void galaxiesStopOnceLongerThanKTauAndOthersRunOn() {
        int d = 3;
        double[][] cov = GaussianTarget.correlatedCovariance(d, 0.5);
        double[][] means = {{0, 0, 0}, {5, 5, 5}};
        GaussianTarget target = new GaussianTarget(means, cov);
        double k = 20;
        SamplerSettings settings = new SamplerSettings(16, 3000, 100, 1, 25, true, k);
        int walkers = settings.walkers();
        float[] init = new float[walkers * 2 * d];
        List<GalaxyRandomStream> streams = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            var r = GalaxyRandomStream.of(1, "e" + g, "init").generator();
            for (int w = 0; w < walkers; w++) {
                for (int j = 0; j < d; j++) {
                    init[(w * 2 + g) * d + j] = (float) (means[g][j] + r.nextGaussian());
                }
            }
            streams.add(GalaxyRandomStream.of(1, "e" + g, "mcmc"));
        }
        // galaxy 1 never stops: its steps must run to the end while galaxy 0 stops early
        StableAutocorrelationStop rule = StableAutocorrelationStop.forBatch(2, k);
        EarlyStopRule onlyFirst = (g, chain, dim) -> g == 0 && rule.shouldStop(g, chain, dim);
        try (StretchMoveSampler<Void> sampler = new StretchMoveSampler<>(target, settings, 2, 1)) {
            List<GalaxyChain> chains = sampler.sample(null, init, streams, onlyFirst, StretchMoveSampler.Progress.NONE);
            GalaxyChain stopped = chains.get(0);
            assertTrue(stopped.stepsUsed() < 3000, "stopped after " + stopped.stepsUsed());
            assertEquals(3000, chains.get(1).stepsUsed());
            double tauMax = 0;
            for (int j = 0; j < d; j++) {
                tauMax = Math.max(tauMax, AutocorrelationTime.integrated(stopped.walkerMeanSeries(j)));
            }
            assertTrue(stopped.chainLength() > k * tauMax, stopped.chainLength() + " steps vs tau " + tauMax);
            assertEquals(stopped.stepsUsed() - 100, stopped.chainLength());
            assertEquals((stopped.stepsUsed() - 100) * walkers, stopped.sampleCount());
        }
    }
}
