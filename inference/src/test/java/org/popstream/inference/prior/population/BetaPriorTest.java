package org.popstream.inference.prior.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.inference.prior.population.GoldenAssert.assertClose;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.ParameterSpace;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class BetaPriorTest {
    private static BetaPrior all;
    private static final AnalyticPrior ANALYTIC = new AnalyticPrior();

    @BeforeAll
    static void build() {
        all = BetaPrior.create(AnalyticPriorSettings.DEFAULT, EnumSet.allOf(PopulationTerm.class), MassArgument.FORMED);
    }

    /** A parameter vector with the golden row's (z, M, Z, r) and fixed dust/AGN/gas values. */
    private static double[] theta(Map<String, Double> row) {
        double[] t = {0, 0, 0, 0, 0, 0, 0, 0, 0.4, -0.2, 0.9, -3.0, 2.5, -0.5, -2.0, 0};
        t[ParameterSpace.LOG10_MASS] = row.get("log10M");
        t[ParameterSpace.LOG10_Z] = row.get("log10Z");
        System.arraycopy(GoldenRows.ratios(row), 0, t, ParameterSpace.FIRST_SFR_RATIO, 6);
        t[ParameterSpace.REDSHIFT] = row.get("z");
        return t;
    }

    /** ln p of the parameters the population terms leave alone (dust, AGN, gas), from the analytic prior. */
    private static double untouchedTerms(double[] t) {
        double analytic = ANALYTIC.logDensity(t);
        TruncatedStudentT ratio = TruncatedStudentT.continuityPrior();
        double replaced = -Math.log(6) - Math.log(6) - Math.log(2.17);
        for (int j = 0; j < 6; j++) {
            replaced += ratio.lnDensity(t[ParameterSpace.FIRST_SFR_RATIO + j], 0.0);
        }
        return analytic - replaced;
    }

    @Test
    void doublePathReplacesTheAnalyticTermsByTheGoldenTotal() {
        for (Map<String, Double> row : GoldenRows.read("population_prior.csv").rows()) {
            double[] t = theta(row);
            if (!ANALYTIC.bounds().contains(t)) {
                assertEquals(Double.NEGATIVE_INFINITY, all.logDensity(t), "outside the box");
                continue;
            }
            assertClose(row.get("ln_p_total"), all.logDensity(t) - untouchedTerms(t), 1e-4, row, "beta − untouched");
        }
    }

    @Test
    void switchedOffTermsLeaveTheAnalyticPrior() {
        BetaPrior none = BetaPrior.create(AnalyticPriorSettings.DEFAULT, Set.of(), MassArgument.FORMED);
        BetaPrior mzrOnly = BetaPrior.create(AnalyticPriorSettings.DEFAULT, EnumSet.of(PopulationTerm.MZR), MassArgument.FORMED);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            double[] t = ANALYTIC.sample(random);
            assertEquals(ANALYTIC.logDensity(t), none.logDensity(t), 1e-12);
            double expected = ANALYTIC.logDensity(t) + Math.log(2.17)
                    + mzrOnly.population().massMetallicity().lnDensity(t[1], t[0]);
            assertEquals(expected, mzrOnly.logDensity(t), 1e-12);
        }
    }

    @Test
    void tensorFlowOpsAgreeWithTheDoublePath() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 400;
        float[] flat = new float[n * 16];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            double[] t = i % 2 == 0 ? all.sample(random) : ANALYTIC.sample(random);
            for (int d = 0; d < 16; d++) {
                flat[i * 16 + d] = (float) t[d];
                t[d] = flat[i * 16 + d];
            }
            expected[i] = all.logDensity(t);
        }
        float[] out = new float[n];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var theta = tf.constant(Shape.of(n, 16), DataBuffers.of(flat));
            try (TFloat32 result = (TFloat32) s.runner().fetch(all.logDensity(tf, theta)).run().get(0)) {
                result.copyTo(DataBuffers.of(out, false, false));
            }
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            if (expected[i] == Double.NEGATIVE_INFINITY) {
                assertEquals(Float.NEGATIVE_INFINITY, out[i], "point " + i);
                continue;
            }
            worst = Math.max(worst, Math.abs(out[i] - expected[i]) / Math.max(1.0, Math.abs(expected[i])));
        }
        assertTrue(worst < 2e-5, "float32 ops vs double: worst relative difference " + worst);
    }

    /** The MAP search and the Laplace initialisation take TF gradients of the log prior. */
    @Test
    void tensorFlowGradientMatchesFiniteDifferencesOfTheDoublePath() {
        SplittableRandom random = new SplittableRandom(23);
        int n = 20;
        float[] flat = new float[n * 16];
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = all.sample(random);
            for (int d = 0; d < 16; d++) {
                flat[i * 16 + d] = (float) points[i][d];
            }
        }
        float[] gradient = new float[n * 16];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            var theta = tf.constant(Shape.of(n, 16), DataBuffers.of(flat));
            var sum = tf.reduceSum(all.logDensity(tf, theta), tf.constant(0));
            var dy = tf.gradients(sum, java.util.List.of(theta)).dy(0);
            try (TFloat32 result = (TFloat32) s.runner().fetch(dy).run().get(0)) {
                result.copyTo(DataBuffers.of(gradient, false, false));
            }
        }
        int[] checked = {ParameterSpace.LOG10_MASS, ParameterSpace.LOG10_Z, ParameterSpace.FIRST_SFR_RATIO,
                ParameterSpace.FIRST_SFR_RATIO + 5, ParameterSpace.REDSHIFT};
        for (int i = 0; i < n; i++) {
            for (int d : checked) {
                double h = 1e-4;
                double[] up = points[i].clone();
                double[] down = points[i].clone();
                up[d] += h;
                down[d] -= h;
                if (!ANALYTIC.bounds().contains(up) || !ANALYTIC.bounds().contains(down)) {
                    continue;
                }
                double numeric = (all.logDensity(up) - all.logDensity(down)) / (2 * h);
                assertEquals(numeric, gradient[i * 16 + d], 0.02 * Math.max(1.0, Math.abs(numeric)),
                        "∂ln p/∂θ" + d + " at point " + i);
            }
        }
    }

    @Test
    void drawsFollowTheMarginalRedshiftDistribution() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 20_000;
        int belowOne = 0;
        double meanOffset = 0;
        for (int i = 0; i < n; i++) {
            double[] t = all.sample(random);
            assertTrue(Double.isFinite(all.logDensity(t)), "draw outside the support");
            if (t[ParameterSpace.REDSHIFT] < 1) {
                belowOne++;
            }
            double[] rho = all.population().sfh().expectedRatios(t[ParameterSpace.REDSHIFT], t[ParameterSpace.LOG10_MASS]);
            meanOffset += (t[ParameterSpace.FIRST_SFR_RATIO] - rho[0]) / n;
        }
        double expected = GoldenRows.scalars("population_prior_scalars.csv").get("P_marginal_z_0_1");
        double sigma = Math.sqrt(expected * (1 - expected) / n);
        assertEquals(expected, belowOne / (double) n, 4 * sigma, "share of draws at z < 1");
        // t₂ has infinite variance but a symmetric, truncated-far-away shape: the mean offset is ~0
        assertEquals(0.0, meanOffset, 0.05);
    }
}
