package org.popstream.inference.crossval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.popstream.inference.fit.GalaxyPhotometry;

/**
 * A spectroscopic catalogue cut in two by a seeded shuffle: the first half calibrates, the second is
 * held back and scored. Each galaxy keeps its own redshift; an odd galaxy goes to the held-back half.
 */
public record SpecZSplit(List<GalaxyPhotometry> calibrationGalaxies, double[] calibrationRedshifts,
        List<GalaxyPhotometry> heldBackGalaxies, double[] heldBackRedshifts) {

    public SpecZSplit {
        if (calibrationGalaxies.size() != calibrationRedshifts.length || heldBackGalaxies.size() != heldBackRedshifts.length) {
            throw new IllegalArgumentException("every galaxy needs exactly one redshift");
        }
        calibrationGalaxies = List.copyOf(calibrationGalaxies);
        heldBackGalaxies = List.copyOf(heldBackGalaxies);
    }

    /** Fisher–Yates shuffle of the indices with {@code seed}, then the first ⌊n/2⌋ calibrate. */
    public static SpecZSplit halves(List<GalaxyPhotometry> galaxies, double[] redshifts, long seed) {
        if (galaxies.size() != redshifts.length) {
            throw new IllegalArgumentException(galaxies.size() + " galaxies but " + redshifts.length + " redshifts");
        }
        int[] order = IntStream.range(0, galaxies.size()).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int half = order.length / 2;
        List<GalaxyPhotometry> calibration = new ArrayList<>();
        List<GalaxyPhotometry> heldBack = new ArrayList<>();
        double[] calibrationZ = new double[half];
        double[] heldBackZ = new double[order.length - half];
        for (int i = 0; i < order.length; i++) {
            if (i < half) {
                calibrationZ[calibration.size()] = redshifts[order[i]];
                calibration.add(galaxies.get(order[i]));
            } else {
                heldBackZ[heldBack.size()] = redshifts[order[i]];
                heldBack.add(galaxies.get(order[i]));
            }
        }
        return new SpecZSplit(calibration, calibrationZ, heldBack, heldBackZ);
    }
}
