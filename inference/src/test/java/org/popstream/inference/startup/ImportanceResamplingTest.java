package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImportanceResamplingTest {

    @Test
    void effectiveSampleSizeIsTheCountForEqualWeightsAndOneForASingleSurvivor() {
        assertEquals(50, ImportanceResampling.effectiveSampleSize(new double[50]), 1e-9);
        double[] one = new double[50];
        java.util.Arrays.fill(one, Double.NEGATIVE_INFINITY);
        one[7] = -3;
        assertEquals(1, ImportanceResampling.effectiveSampleSize(one), 1e-9);
        one[8] = Double.NaN; // NaN weighs nothing
        assertEquals(1, ImportanceResampling.effectiveSampleSize(one), 1e-9);
    }

    @Test
    void drawsIndicesInProportionToTheirWeights() {
        double[] logWeights = {Math.log(0.1), Math.log(0.2), Math.log(0.3), Math.log(0.4)};
        int n = 10_000;
        int[] drawn = ImportanceResampling.resampleIndices(logWeights, n, 1, new SplittableRandom(3));
        assertNotNull(drawn);
        int[] counts = new int[4];
        for (int index : drawn) {
            counts[index]++;
        }
        // systematic resampling: each count within one of n·w
        assertEquals(1000, counts[0], 1);
        assertEquals(2000, counts[1], 1);
        assertEquals(3000, counts[2], 1);
        assertEquals(4000, counts[3], 1);
    }

    @Test
    void refusesWhenTheWeightsAreTooConcentrated() {
        double[] logWeights = {0, -50, -50};
        assertNull(ImportanceResampling.resampleIndices(logWeights, 10, 1.5, new SplittableRandom(1)));
    }
}
