package org.popstream.inference.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.inference.sampler.GalaxyChain;

class PosteriorSummarizerTest {

    @Test
    void summarisesDrawsWithNumpyLinearPercentilesAndQuenchedFractions() {
        int n = 101;
        float[] samples = new float[n * 2];
        float[] lp = new float[n];
        for (int i = 0; i < n; i++) {
            samples[2 * i] = i / 100f;               // z: 0, 0.01, ..., 1.00
            samples[2 * i + 1] = -12f + i * 0.04f;   // log10 sSFR: −12 ... −8
            lp[i] = -Math.abs(i - 30);               // best draw is i = 30
        }
        float[] means = new float[20 * 2];
        for (int t = 0; t < 20; t++) {
            means[2 * t] = (t % 2) * 0.1f;
            means[2 * t + 1] = ((t / 2) % 2) * 0.1f;
        }
        GalaxyChain chain = new GalaxyChain(2, samples, lp, means, 100, 0.3, new float[0]);
        PosteriorSummarizer summarizer = new PosteriorSummarizer(theta -> theta.clone(), List.of("z", "log10sSFR"), 5);
        PosteriorResult r = summarizer.summarise("g", chain, 4, 7, 1.5, Map.of("spec_z", "0.4"), true);

        PosteriorResult.QuantitySummary z = r.quantities().get(0);
        assertEquals(0.5, z.mean(), 1e-6);
        assertEquals(0.025, z.p2_5(), 1e-6);  // numpy: index 0.025·100 = 2.5 → 0.025
        assertEquals(0.16, z.p16(), 1e-6);
        assertEquals(0.84, z.p84(), 1e-6);
        assertEquals(0.30, z.maxPosterior(), 1e-6);
        assertEquals(Math.sqrt(101 * 102 / 12.0) / 100, z.std(), 1e-4);
        // sSFR < −10 for i < 50 (−12 + 0.04 i < −10), < −11 for i < 25
        assertEquals(50 / 101.0, r.pQuenched10(), 1e-9);
        assertEquals(25 / 101.0, r.pQuenched11(), 1e-9);
        assertEquals(0.5, r.zQuantiles()[Arrays.binarySearch(r.zQuantileLevels(), 0.5)], 1e-6);
        assertEquals(7, r.nBands());
        assertEquals(100, r.stepsUsed());
        assertEquals(-0.0, r.lnPosteriorMax(), 1e-9);
        assertEquals(n, r.samples().length);
        assertEquals("0.4", r.attributes().get("spec_z"));
        // 20-step chain, τ ≥ 1: 20 < 5 τ only if τ > 4; here the flag must agree with the definition
        ChainDiagnostics d = ChainDiagnostics.of(chain, 4, 5);
        assertEquals(d.tauMax(), r.tauMax(), 0);
        assertEquals(Math.min(n, 20 * 4 / d.tauMax()), r.essMin(), 1e-9);
        assertEquals(20 >= 5 * d.tauMax(), r.converged());
    }
}
