package org.popstream.job.testing;

import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;
import org.popstream.job.validation.SurveyBands;
import org.popstream.job.validation.ValidGalaxy;

/** Validated galaxies for operator tests downstream of the validator. */
public final class Galaxies {

    private Galaxies() {}

    public static ValidGalaxy galaxy(String id) {
        return galaxy(id, 0.5);
    }

    /** A galaxy whose bands all have flux {@code flux} nmgy (error 0.05 nmgy). */
    public static ValidGalaxy galaxy(String id, double flux) {
        List<BandFlux> bands = SurveyBands.COSMOS2020.subList(0, 4).stream()
                .map(band -> BandFlux.detection(band, flux, 0.05))
                .toList();
        return new ValidGalaxy(id, "cosmos2020", "tile-1", 0.3, 100L, bands, Map.of("k", "v"),
                "popstream.photometry.v1", 0, id.hashCode() & 0xffff, id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
