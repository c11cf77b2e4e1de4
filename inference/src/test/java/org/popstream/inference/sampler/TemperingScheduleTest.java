package org.popstream.inference.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemperingScheduleTest {

    @Test
    void betaRisesGeometricallyToOneWithinTheAnnealedShareOfTheBurnIn() {
        TemperingSchedule s = new TemperingSchedule(new double[] {1e-2, 1}, new float[0], new double[0]);
        int burn = 100; // annealed over the first 60 steps
        assertEquals(1e-2, s.beta(0, 0, burn), 1e-15);
        assertEquals(1e-1, s.beta(0, 30, burn), 1e-12);
        assertEquals(1, s.beta(0, 60, burn));
        assertEquals(1, s.beta(0, 99, burn));
        for (int step = 1; step < 60; step++) {
            assertTrue(s.beta(0, step, burn) > s.beta(0, step - 1, burn));
        }
        assertEquals(1, s.beta(1, 0, burn)); // β₀ = 1: never tempered
        assertEquals(1, s.beta(7, 0, burn)); // galaxies beyond the array: untempered
        assertEquals(1, TemperingSchedule.NONE.beta(0, 0, burn));
    }

    @Test
    void smallestStartBetaIsWhatTheBurnInCanAnnealFromAtTheMaximumRate() {
        double beta = TemperingSchedule.smallestStartBeta(100);
        assertEquals(Math.pow(TemperingSchedule.MAX_RISE_PER_STEP, -60), beta, 1e-15);
        assertTrue(TemperingSchedule.smallestStartBeta(300) < beta);
        assertEquals(1, TemperingSchedule.smallestStartBeta(0));
    }

    @Test
    void missedCoreComparesTheBestWalkerWithTheReference() {
        TemperingSchedule s = new TemperingSchedule(new double[] {0.1, 0.1}, new float[8], new double[] {10, Double.NaN});
        assertTrue(s.missedCore(0, 10 - TemperingSchedule.MISSED_CORE - 0.1));
        assertFalse(s.missedCore(0, 10 - TemperingSchedule.MISSED_CORE + 0.1));
        assertFalse(s.missedCore(1, -1e9)); // no reference: never restarts
        assertFalse(new TemperingSchedule(new double[] {0.1}, new float[0], new double[] {10}).missedCore(0, -1e9));
    }

    @Test
    void rejectsTemperaturesOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new TemperingSchedule(new double[] {0}, new float[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new TemperingSchedule(new double[] {1.5}, new float[0], new double[0]));
    }
}
