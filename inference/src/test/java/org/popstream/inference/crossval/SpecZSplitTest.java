package org.popstream.inference.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.GalaxyPhotometry;

class SpecZSplitTest {

    /** Galaxy g{i} has redshift i/10, so a redshift that travels with the wrong galaxy shows. */
    private static List<GalaxyPhotometry> galaxies(int n) {
        List<GalaxyPhotometry> galaxies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            galaxies.add(new GalaxyPhotometry("g" + i, List.of(GalaxyPhotometry.BandFlux.detection("hsc_i", 1.0, 0.1)), Map.of()));
        }
        return galaxies;
    }

    private static double[] redshifts(int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = i / 10.0;
        }
        return z;
    }

    private static double redshiftOf(GalaxyPhotometry g) {
        return Integer.parseInt(g.id().substring(1)) / 10.0;
    }

    @Test
    void everyGalaxyLandsInExactlyOneHalfWithItsOwnRedshift() {
        SpecZSplit split = SpecZSplit.halves(galaxies(7), redshifts(7), 3L);

        assertEquals(3, split.calibrationGalaxies().size());
        assertEquals(4, split.heldBackGalaxies().size(), "the odd galaxy is held back");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < split.calibrationGalaxies().size(); i++) {
            GalaxyPhotometry g = split.calibrationGalaxies().get(i);
            assertEquals(redshiftOf(g), split.calibrationRedshifts()[i], g.id());
            seen.add(g.id());
        }
        for (int i = 0; i < split.heldBackGalaxies().size(); i++) {
            GalaxyPhotometry g = split.heldBackGalaxies().get(i);
            assertEquals(redshiftOf(g), split.heldBackRedshifts()[i], g.id());
            seen.add(g.id());
        }
        assertEquals(Set.of("g0", "g1", "g2", "g3", "g4", "g5", "g6"), seen);
    }

    @Test
    void theSeedFixesTheSplit() {
        List<GalaxyPhotometry> galaxies = galaxies(40);
        double[] z = redshifts(40);

        assertEquals(ids(SpecZSplit.halves(galaxies, z, 11L)), ids(SpecZSplit.halves(galaxies, z, 11L)));
        assertNotEquals(ids(SpecZSplit.halves(galaxies, z, 11L)), ids(SpecZSplit.halves(galaxies, z, 12L)));
        assertNotEquals(ids(galaxies).subList(0, 20), ids(SpecZSplit.halves(galaxies, z, 11L)).subList(0, 20),
                "the calibration half is not simply the first half of the catalogue");
    }

    @Test
    void aRedshiftCountThatDoesNotMatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpecZSplit.halves(galaxies(4), redshifts(3), 1L));
    }

    private static List<String> ids(SpecZSplit split) {
        List<String> ids = new ArrayList<>(ids(split.calibrationGalaxies()));
        ids.addAll(ids(split.heldBackGalaxies()));
        return ids;
    }

    private static List<String> ids(List<GalaxyPhotometry> galaxies) {
        return galaxies.stream().map(GalaxyPhotometry::id).toList();
    }
}
