package org.popstream.catalogue;

/**
 * One band of one galaxy, in the catalogue's output unit. A detection has a finite {@code flux}
 * (any sign) and {@code upperLimit} NaN; a non-detection has {@code flux} NaN and a finite
 * {@code upperLimit} ≥ 0. {@code error} is the 1σ flux error (> 0) in both cases — the same
 * convention as {@code GalaxyPhotometry.BandFlux} in inference/.
 */
public record BandValue(String band, double flux, double error, double upperLimit) {

    public static BandValue detection(String band, double flux, double error) {
        return new BandValue(band, flux, error, Double.NaN);
    }

    public static BandValue upperLimit(String band, double limit, double error) {
        return new BandValue(band, Double.NaN, error, limit);
    }

    public boolean isUpperLimit() {
        return Double.isNaN(flux);
    }
}
