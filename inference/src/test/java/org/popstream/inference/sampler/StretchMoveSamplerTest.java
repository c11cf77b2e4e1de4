package org.popstream.inference.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.summary.AutocorrelationTime;

class StretchMoveSamplerTest {

    /** Runs one batch; walkers start in a unit ball around {@code centre} drawn from each galaxy's own stream. */
    static List<GalaxyChain> run(EnsembleTarget<Void> target, SamplerSettings settings, List<String> ids,
                                 double[][] centres, long seed) {
        int g = ids.size();
        int d = target.dimension();
        int w = settings.walkers();
        float[] init = new float[w * g * d];
        List<GalaxyRandomStream> streams = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            GalaxyRandomStream initStream = GalaxyRandomStream.of(seed, ids.get(i), "init");
            for (int k = 0; k < w; k++) {
                for (int j = 0; j < d; j++) {
                    init[(k * g + i) * d + j] = (float) (centres[i][j] + 0.5 * initStream.generator().nextGaussian());
                }
            }
            streams.add(GalaxyRandomStream.of(seed, ids.get(i), "mcmc"));
        }
        try (StretchMoveSampler<Void> sampler = new StretchMoveSampler<>(target, settings, g, 2)) {
            return sampler.sample(null, init, streams, EarlyStopRule.NEVER, StretchMoveSampler.Progress.NONE);
        }
    }

    /** Checks mean (against the walker-mean chain's own Monte-Carlo error) and covariance (against ESS). */
    static void assertMoments(GalaxyChain chain, double[] mean, double[][] cov, double sigmas) {
        int d = chain.dimension();
        int n = chain.sampleCount();
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += chain.sample(i, j) / n;
            }
        }
        double tauMax = 0;
        for (int j = 0; j < d; j++) {
            double[] series = chain.walkerMeanSeries(j);
            double tau = AutocorrelationTime.integrated(series);
            tauMax = Math.max(tauMax, tau);
            double var = variance(series);
            double se = Math.sqrt(var * tau / series.length);
            assertEquals(mean[j], m[j], sigmas * se, "mean of dimension " + j + " (tau " + tau + ")");
        }
        int walkers = n / chain.chainLength();
        double ess = chain.chainLength() * walkers / tauMax;
        assertTrue(ess > 200, "effective sample size too small to test anything: " + ess);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double c = 0;
                for (int i = 0; i < n; i++) {
                    c += (chain.sample(i, a) - m[a]) * (chain.sample(i, b) - m[b]);
                }
                c /= n - 1;
                double se = Math.sqrt((cov[a][a] * cov[b][b] + cov[a][b] * cov[a][b]) / ess);
                assertEquals(cov[a][b], c, sigmas * se, "covariance (" + a + ", " + b + ")");
            }
        }
    }

    static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }

    @Test
    void recoversSixteenDimensionalCorrelatedGaussian() {
        int d = 16;
        double[][] cov = GaussianTarget.correlatedCovariance(d, 0.9);
        double[][] means = new double[2][d];
        for (int j = 0; j < d; j++) {
            means[0][j] = 1.0 + j;
            means[1][j] = -3.0;
        }
        GaussianTarget target = new GaussianTarget(means, cov);
        SamplerSettings settings = new SamplerSettings(64, 4000, 1000, 1, 20, false, 50);
        List<GalaxyChain> chains = run(target, settings, List.of("g0", "g1"), means, 42);
        for (int g = 0; g < 2; g++) {
            assertMoments(chains.get(g), means[g], cov, 5);
            double acc = chains.get(g).acceptance();
            assertTrue(acc > 0.1 && acc < 0.6, "acceptance " + acc);
        }
    }

    @Test
    void temperedStartAnnealsOntoTheTargetDuringBurnIn() {
        int d = 6;
        double[][] cov = GaussianTarget.correlatedCovariance(d, 0.8);
        double[][] means = {{2, -1, 0, 1, 3, -2}};
        GaussianTarget target = new GaussianTarget(means, cov);
        SamplerSettings settings = new SamplerSettings(32, 3000, 1000, 1, 20, false, 50);
        // walkers drawn from the target tempered to β₀ = 0.01 (10× wider), as the bank start would give
        float[] init = new float[32 * d];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int w = 0; w < 32; w++) {
            for (int j = 0; j < d; j++) {
                init[w * d + j] = (float) (means[0][j] + 10 * random.nextGaussian());
            }
        }
        TemperingSchedule tempering = new TemperingSchedule(new double[] {0.01}, new float[0], new double[0]);
        try (StretchMoveSampler<Void> sampler = new StretchMoveSampler<>(target, settings, 1, 2)) {
            GalaxyChain chain = sampler.sample(null, init, List.of(GalaxyRandomStream.of(3, "t", "mcmc")),
                    EarlyStopRule.NEVER, StretchMoveSampler.Progress.NONE, tempering).get(0);
            assertMoments(chain, means[0], cov, 5);
        }
    }

    @Test
    void aGalaxyWhoseAnnealedBestMissesItsReferenceRestartsFromTheFallbackEnsemble() {
        int d = 2;
        double[][] means = {{0, 0}, {0, 0}};
        GaussianTarget target = new GaussianTarget(means, GaussianTarget.correlatedCovariance(d, 0.0));
        SamplerSettings settings = new SamplerSettings(8, 40, 20, 1, 4, false, 50);
        float[] init = new float[8 * 2 * d];
        float[] fallback = new float[8 * 2 * d];
        for (int w = 0; w < 8; w++) {
            for (int g = 0; g < 2; g++) {
                for (int j = 0; j < d; j++) {
                    init[(w * 2 + g) * d + j] = 0.1f * (w - 3.5f) * (j + 1);
                    fallback[(w * 2 + g) * d + j] = 1000 + w + j; // far away: the chain cannot wander there
                }
            }
        }
        // galaxy 0: its reference is far above anything near the origin → restarts at ~1000; galaxy 1 keeps its walkers
        TemperingSchedule tempering = new TemperingSchedule(new double[] {0.5, 0.5}, fallback, new double[] {1e6, Double.NaN});
        try (StretchMoveSampler<Void> sampler = new StretchMoveSampler<>(target, settings, 2, 1)) {
            List<GalaxyChain> chains = sampler.sample(null, init, List.of(GalaxyRandomStream.of(1, "a", "mcmc"),
                    GalaxyRandomStream.of(1, "b", "mcmc")), EarlyStopRule.NEVER, StretchMoveSampler.Progress.NONE, tempering);
            assertTrue(chains.get(0).sample(0, 0) > 500, "galaxy 0 should have restarted: " + chains.get(0).sample(0, 0));
            assertTrue(Math.abs(chains.get(1).sample(0, 0)) < 50, "galaxy 1 should not have: " + chains.get(1).sample(0, 0));
        }
    }

    @Test
    void recoversBanana() {
        BananaTarget target = new BananaTarget(3.0, 0.3);
        SamplerSettings settings = new SamplerSettings(32, 6000, 1000, 1, 50, false, 50);
        List<GalaxyChain> chains = run(target, settings, List.of("banana"), new double[][] {{0, 0}}, 7);
        assertMoments(chains.get(0), new double[] {0, 0}, target.covariance(), 5);
    }

    @Test
    void sameSeedGivesBitIdenticalChainsAndOtherSeedDoesNot() {
        int d = 4;
        double[][] cov = GaussianTarget.correlatedCovariance(d, 0.5);
        double[][] means = {{0, 1, 2, 3}};
        GaussianTarget target = new GaussianTarget(means, cov);
        SamplerSettings settings = new SamplerSettings(16, 200, 100, 5, 7, false, 50);
        List<GalaxyChain> a = run(target, settings, List.of("x"), means, 1);
        List<GalaxyChain> b = run(target, settings, List.of("x"), means, 1);
        List<GalaxyChain> c = run(target, settings, List.of("x"), means, 2);
        assertArrayEquals(a.get(0).samples(), b.get(0).samples());
        assertArrayEquals(a.get(0).walkerMeanChain(), b.get(0).walkerMeanChain());
        assertTrue(a.get(0).samples().length == 20 * 16 * d);
        assertTrue(!java.util.Arrays.equals(a.get(0).samples(), c.get(0).samples()));
    }

    @Test
    void galaxyChainDoesNotDependOnBatchNeighboursOrOrder() {
        int d = 6;
        double[][] cov = GaussianTarget.correlatedCovariance(d, 0.7);
        double[][] means = new double[5][d];
        for (int g = 0; g < 5; g++) {
            for (int j = 0; j < d; j++) {
                means[g][j] = g * 10 + j;
            }
        }
        SamplerSettings settings = new SamplerSettings(16, 300, 100, 10, 13, false, 50);
        List<GalaxyChain> alone = run(new GaussianTarget(new double[][] {means[3]}, cov), settings,
                List.of("id-3"), new double[][] {means[3]}, 9);
        List<GalaxyChain> batch = run(new GaussianTarget(means, cov), settings,
                List.of("id-0", "id-1", "id-2", "id-3", "id-4"), means, 9);
        double[][] reordered = {means[3], means[1]};
        List<GalaxyChain> swapped = run(new GaussianTarget(reordered, cov), settings,
                List.of("id-3", "id-1"), reordered, 9);
        assertArrayEquals(alone.get(0).samples(), batch.get(3).samples());
        assertArrayEquals(alone.get(0).samples(), swapped.get(0).samples());
        assertArrayEquals(batch.get(1).samples(), swapped.get(1).samples());
    }

    @Test
    void nanLogProbabilityIsNeverAccepted() {
        // log p = −x²/2 inside |x| < 1 and NaN outside: a NaN-as-+∞ bug would let walkers escape
        EnsembleTarget<Void> target = new EnsembleTarget<>() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public TargetGraph<Void> build(org.tensorflow.op.Ops tf, int galaxies) {
                return new TargetGraph<>() {
                    @Override
                    public org.tensorflow.Operand<org.tensorflow.types.TFloat32> logProbability(
                            org.tensorflow.Operand<org.tensorflow.types.TFloat32> x) {
                        var sq = tf.reduceSum(tf.math.square(x), tf.constant(-1));
                        // sqrt(1 − r²) is NaN outside the unit disc
                        return tf.math.add(tf.math.mul(tf.constant(-0.5f), sq),
                                tf.math.mul(tf.constant(0f), tf.math.sqrt(tf.math.sub(tf.constant(1f), sq))));
                    }

                    @Override
                    public void bind(org.tensorflow.Session session, Void batch) {}
                };
            }
        };
        SamplerSettings settings = new SamplerSettings(16, 300, 0, 1, 10, false, 50);
        float[] init = new float[16 * 2];
        var rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < init.length; i++) {
            init[i] = (float) (0.3 * (rnd.nextDouble() - 0.5));
        }
        try (StretchMoveSampler<Void> sampler = new StretchMoveSampler<>(target, settings, 1, 1)) {
            GalaxyChain chain = sampler.sample(null, init, List.of(GalaxyRandomStream.of(1, "n", "mcmc")),
                    EarlyStopRule.NEVER, StretchMoveSampler.Progress.NONE).get(0);
            for (int i = 0; i < chain.sampleCount(); i++) {
                double r2 = chain.sample(i, 0) * chain.sample(i, 0) + chain.sample(i, 1) * chain.sample(i, 1);
                assertTrue(r2 <= 1.0, "walker escaped to r² = " + r2);
                assertTrue(Float.isFinite(chain.sampleLogProbability()[i]));
            }
            assertTrue(chain.acceptance() > 0.2, "acceptance " + chain.acceptance());
        }
    }
}
