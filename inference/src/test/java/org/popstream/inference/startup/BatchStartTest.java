package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.sampler.TemperingSchedule;

class BatchStartTest {

    private static final int WALKERS = 4;
    private static final int DIM = 3;

    /** Walker w of galaxy g: parameter d has the value 100·g + 10·w + d + offset. */
    private static List<double[]> walkers(int galaxy, double offset) {
        List<double[]> out = new ArrayList<>();
        for (int w = 0; w < WALKERS; w++) {
            double[] x = new double[DIM];
            for (int d = 0; d < DIM; d++) {
                x[d] = 100 * galaxy + 10 * w + d + offset;
            }
            out.add(x);
        }
        return out;
    }

    @Test
    void ensembleIsWalkersByGalaxiesByParametersAsTheSamplerReadsIt() {
        BatchStart start = new BatchStart(List.of(StartEnsemble.untempered(walkers(0, 0)),
                StartEnsemble.untempered(walkers(1, 0))));
        float[] ensemble = start.ensemble();
        assertEquals(WALKERS * 2 * DIM, ensemble.length);
        for (int w = 0; w < WALKERS; w++) {
            for (int g = 0; g < 2; g++) {
                for (int d = 0; d < DIM; d++) {
                    assertEquals(100 * g + 10 * w + d, ensemble[(w * 2 + g) * DIM + d]);
                }
            }
        }
        assertSame(TemperingSchedule.NONE, start.tempering());
    }

    @Test
    void temperingCarriesEachGalaxysTemperatureFallbackAndReference() {
        BatchStart start = new BatchStart(List.of(
                new StartEnsemble(walkers(0, 0), 0.01, walkers(0, 0.5), -40),
                StartEnsemble.untempered(walkers(1, 0))));
        TemperingSchedule tempering = start.tempering();

        assertEquals(0.01, tempering.startBeta()[0]);
        assertEquals(1, tempering.startBeta()[1]);
        assertEquals(0.5f, tempering.fallbackEnsemble()[0]); // walker 0, galaxy 0, parameter 0 of the fallback
        assertEquals(100f, tempering.fallbackEnsemble()[DIM]); // galaxy 1 has none: its own walkers fill the slot
        assertTrue(tempering.missedCore(0, -40 - TemperingSchedule.MISSED_CORE - 1));
        assertFalse(tempering.missedCore(1, -1e9), "a galaxy without a fallback never restarts");
    }

    @Test
    void refusesGalaxiesWithDifferentWalkerCounts() {
        List<double[]> fewer = walkers(1, 0).subList(0, WALKERS - 1);
        assertThrows(IllegalArgumentException.class, () -> new BatchStart(List.of(
                StartEnsemble.untempered(walkers(0, 0)), StartEnsemble.untempered(fewer))));
        assertThrows(IllegalArgumentException.class, () -> new StartEnsemble(walkers(0, 0), 0, List.of(), Double.NaN));
    }
}
