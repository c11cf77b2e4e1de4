package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.posterior.PriorBank;
import org.popstream.inference.prior.ParameterSpace;

class BankScoresTest {

    private static PriorBank bankAtRedshifts(double... z) {
        double[][] points = new double[z.length][ParameterSpace.DIMENSION];
        for (int j = 0; j < z.length; j++) {
            points[j][ParameterSpace.REDSHIFT] = z[j];
            points[j][ParameterSpace.LOG10_MASS] = -99; // replaced by the profiled mass
        }
        return new PriorBank(points, new double[z.length][1]);
    }

    /** Scores with the given profile scores and log likelihoods (log weight = log likelihood). */
    private static BankScores scores(PriorBank bank, double[] logPosterior, double[] logLikelihood) {
        double[] logMass = new double[logPosterior.length];
        Arrays.setAll(logMass, j -> 9 + 0.1 * j);
        return new BankScores(bank, logPosterior, logMass, logLikelihood.clone(), logMass.clone(), logLikelihood);
    }

    @Test
    void bestPicksHalfAtDistinctRedshiftsThenTheBestRemainingShapes() {
        PriorBank bank = bankAtRedshifts(1.0, 1.01, 2.0, 1.02, 3.0, 1.0);
        double[] logPosterior = {-1, -2, -3, -4, -5, Double.NaN};
        List<BankScores.Candidate> best = scores(bank, logPosterior, new double[6]).best(4);

        // by redshift: 1.0, then 2.0 (1.01 is within 0.05·(1 + z)); then by score: 1.01, 1.02
        double[] z = best.stream().mapToDouble(c -> c.theta()[ParameterSpace.REDSHIFT]).toArray();
        assertArrayEquals(new double[] {1.0, 2.0, 1.01, 1.02}, z);
        assertEquals(9.2, best.get(1).theta()[ParameterSpace.LOG10_MASS], 1e-12, "the profiled mass of bank point 2");
        assertEquals(-3, best.get(1).logPosterior());
    }

    @Test
    void largestResolvedBetaIsWhereTheTemperedEssFallsToTheThreshold() {
        int n = 2000;
        double[] logLikelihood = new double[n];
        Arrays.setAll(logLikelihood, j -> -0.5 * Math.pow((j - n / 2.0) / 3, 2)); // a peak a few points wide
        BankScores s = scores(bankAtRedshifts(new double[n]), new double[n], logLikelihood);
        double minEss = 128;
        assertTrue(ImportanceResampling.effectiveSampleSize(s.temperedLogWeight(1)) < minEss);

        double beta = s.largestResolvedBeta(minEss);
        assertTrue(beta > BankScores.MIN_BETA && beta < 1, "β = " + beta);
        assertTrue(ImportanceResampling.effectiveSampleSize(s.temperedLogWeight(beta)) >= minEss);
        assertTrue(ImportanceResampling.effectiveSampleSize(s.temperedLogWeight(beta * 1.001)) < minEss);

        assertEquals(1, s.largestResolvedBeta(4), "resolved untempered");
        assertEquals(0, s.largestResolvedBeta(n + 1), "more than the bank holds");
    }
}
