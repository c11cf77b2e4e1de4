package org.popstream.inference.fit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One galaxy's photometry in the units the likelihood uses (nanomaggies), as the batch command and
 * the streaming job hand it to a {@link GalaxyFitter}. Bands not observed are simply absent.
 *
 * @param id         survey-unique galaxy id; also seeds the galaxy's own random stream
 * @param bands      measured bands, emulator band names (e.g. {@code hsc_g})
 * @param attributes free-form columns that travel unchanged to the result (e.g. {@code spec_z})
 */
public record GalaxyPhotometry(String id, List<BandFlux> bands, Map<String, String> attributes) {

    public GalaxyPhotometry {
        Objects.requireNonNull(id, "id");
        bands = List.copyOf(bands);
        attributes = Map.copyOf(attributes);
    }

    /**
     * A band's measurement in nanomaggies. A detection has a finite {@code flux} (any sign); a
     * non-detection has {@code flux} NaN and a finite {@code upperLimit}. {@code error} is the 1σ
     * flux error (> 0) in both cases.
     */
    public record BandFlux(String band, double flux, double error, double upperLimit) {
        public static BandFlux detection(String band, double flux, double error) {
            return new BandFlux(band, flux, error, Double.NaN);
        }

        public static BandFlux upperLimit(String band, double limit, double error) {
            return new BandFlux(band, Double.NaN, error, limit);
        }

        public boolean isUpperLimit() {
            return Double.isNaN(flux) && !Double.isNaN(upperLimit);
        }
    }
}
