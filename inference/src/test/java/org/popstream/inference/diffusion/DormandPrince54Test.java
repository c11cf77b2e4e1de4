package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DormandPrince54Test {

    /** y' = −λ_r t y per row, y(t) = y0 exp(−λ_r (t² − t0²)/2): rates differ by row, so do step sequences. */
    private static final class Gaussian implements BatchedOdeSystem {
        private final double[] rates;

        Gaussian(double... rates) {
            this.rates = rates;
        }

        @Override
        public int stateSize() {
            return 1;
        }

        @Override
        public void derivatives(int[] rows, double[] t, double[] y, double[] dydt) {
            for (int p = 0; p < rows.length; p++) {
                dydt[p] = -rates[rows[p]] * t[p] * y[p];
            }
        }
    }

    @Test
    void errorShrinksWithTheToleranceInBothDirections() {
        double[] rates = {0.5, 3, 30};
        double previous = Double.MAX_VALUE;
        for (double tol : new double[] {1e-4, 1e-7, 1e-10}) {
            DormandPrince54 solver = new DormandPrince54(SolverSettings.of(tol));
            BatchSolution forward = solver.integrate(new Gaussian(rates), 0, 1, new double[] {1, 1, 1});
            BatchSolution backward = solver.integrate(new Gaussian(rates), 1, 0, new double[] {1, 1, 1});
            double worst = 0;
            for (int r = 0; r < rates.length; r++) {
                worst = Math.max(worst, Math.abs(forward.states()[r] - Math.exp(-rates[r] / 2)));
                worst = Math.max(worst, Math.abs(backward.states()[r] - Math.exp(rates[r] / 2)) / Math.exp(rates[r] / 2));
            }
            assertTrue(worst < 100 * tol, "tol " + tol + ": error " + worst);
            assertTrue(worst < previous, "tol " + tol + " is not more accurate than the looser one");
            previous = worst;
        }
    }

    /** Per-row step control: a row's result must not depend on which rows share its batch. */
    @Test
    void aRowGivesBitIdenticalResultsAloneOrInABatch() {
        DormandPrince54 solver = new DormandPrince54(SolverSettings.ACCURATE);
        BatchSolution batch = solver.integrate(new Gaussian(0.5, 30, 3), 0, 1, new double[] {1, 2, 3});
        BatchSolution alone = solver.integrate(new Gaussian(30), 0, 1, new double[] {2});
        assertEquals(alone.states()[0], batch.states()[1], 0.0);
        assertEquals(alone.evaluations()[0], batch.evaluations()[1]);
        assertTrue(batch.evaluations()[1] > batch.evaluations()[0], "the stiffer row should need more evaluations");
    }

    @Test
    void aRowWhoseRightHandSideBlowsUpFailsWithAReasonAndLeavesTheOthersAlone() {
        BatchedOdeSystem blowUp = new BatchedOdeSystem() {
            @Override
            public int stateSize() {
                return 1;
            }

            @Override
            public void derivatives(int[] rows, double[] t, double[] y, double[] dydt) {
                for (int p = 0; p < rows.length; p++) {
                    dydt[p] = rows[p] == 1 && t[p] > 0.5 ? Double.NaN : -y[p];
                }
            }
        };
        BatchSolution solution = new DormandPrince54(SolverSettings.ACCURATE).integrate(blowUp, 0, 1, new double[] {1, 1});
        assertNull(solution.failure()[0]);
        assertEquals(Math.exp(-1), solution.states()[0], 1e-7);
        assertNotNull(solution.failure()[1]);
        assertTrue(solution.failure()[1].contains("underflow"), solution.failure()[1]);
        assertTrue(Double.isNaN(solution.states()[1]));
    }

    @Test
    void nonFiniteStartIsReportedNotIntegrated() {
        BatchSolution solution = new DormandPrince54(SolverSettings.of(1e-6))
                .integrate(new Gaussian(1, 1), 0, 1, new double[] {Double.NaN, 1});
        assertTrue(solution.failure()[0].contains("non-finite"), solution.failure()[0]);
        assertEquals(0, solution.evaluations()[0]);
        assertArrayEquals(new double[] {Math.exp(-0.5)}, new double[] {solution.states()[1]}, 1e-6);
    }
}
