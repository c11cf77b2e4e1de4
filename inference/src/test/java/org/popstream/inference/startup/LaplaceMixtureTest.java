package org.popstream.inference.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.popstream.inference.prior.Bounds;

class LaplaceMixtureTest {

    private static final Bounds BOX = new Bounds(new double[] {0, 0}, new double[] {10, 1});
    private static final Curvature NARROW = new Curvature(new double[][] {{400, 0}, {0, 1e4}}); // σ = 0.05, 0.01

    @Test
    void walkersAreSharedByLaplaceWeight() {
        // equal curvature: weights in the ratio of the posteriors, 3 : 1
        Modes modes = new Modes(List.of(
                new Mode(new double[] {2, 0.5}, -10 + Math.log(3), NARROW),
                new Mode(new double[] {8, 0.5}, -10, NARROW)));
        LaplaceMixture mixture = LaplaceMixture.around(modes, BOX);
        assertEquals(2, mixture.components().size());
        assertEquals(-10 + Math.log(3), mixture.mapLogPosterior(), 1e-12);

        List<double[]> walkers = mixture.draw(64, new SplittableRandom(1), BOX);
        assertEquals(64, walkers.size());
        long nearFirst = walkers.stream().filter(w -> Math.abs(w[0] - 2) < 0.5).count();
        long nearSecond = walkers.stream().filter(w -> Math.abs(w[0] - 8) < 0.5).count();
        assertEquals(48, nearFirst);
        assertEquals(16, nearSecond);
    }

    @Test
    void drawsStayInsideTheBoxWhenTheModeSitsOnAWall() {
        // an unconstrained mode on the corner: σ capped at 0.2 of the range, half of every draw beyond a wall
        Modes modes = new Modes(List.of(new Mode(new double[] {10, 0}, 0, Curvature.flat(2))));
        List<double[]> walkers = LaplaceMixture.around(modes, BOX).draw(500, new SplittableRandom(2), BOX);
        assertEquals(500, walkers.size());
        for (double[] w : walkers) {
            assertTrue(BOX.contains(w), () -> java.util.Arrays.toString(w));
        }
        // reflected, not clipped: no walker piles up on the walls
        assertTrue(walkers.stream().noneMatch(w -> w[0] == 10 || w[1] == 0));
    }

    @Test
    void startsThatConvergedOnTheSameModeCountOnce() {
        Modes modes = new Modes(List.of(
                new Mode(new double[] {5, 0.5}, -3, NARROW),
                new Mode(new double[] {5.02, 0.5}, -3.5, NARROW), // 0.4 σ away: the same mode
                new Mode(new double[] {7, 0.5}, -20, NARROW)));   // weight e⁻¹⁷ of the best: dropped
        LaplaceMixture mixture = LaplaceMixture.around(modes, BOX);
        assertEquals(1, mixture.components().size());
        assertEquals(5, mixture.components().get(0).centre()[0]);
        assertEquals(-3, mixture.mapLogPosterior());
    }

    @Test
    void withoutAnyModeTheStartIsTheBoxCentreAtTheCappedWidth() {
        LaplaceMixture mixture = LaplaceMixture.around(new Modes(List.of()), BOX);
        assertEquals(1, mixture.components().size());
        LaplaceComponent only = mixture.components().get(0);
        assertEquals(5, only.centre()[0]);
        assertEquals(0.5, only.centre()[1]);
        assertEquals(Math.pow(LaplaceComponent.MAX_SIGMA_FRACTION * 10, 2), only.covariance()[0][0], 1e-12);
    }
}
