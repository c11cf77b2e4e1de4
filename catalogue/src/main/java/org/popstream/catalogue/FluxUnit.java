package org.popstream.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Flux-density units a catalogue column may carry, named by their column suffix
 * ({@code hsc_g_flux_uJy}). AB magnitudes are converted to µJy (zero point 23.9).
 */
public enum FluxUnit {
    MICROJANSKY("uJy", 1.0),
    NANOJANSKY("nJy", 1e-3),
    MILLIJANSKY("mJy", 1e3),
    /** SDSS/DESI nanomaggy: 3.631 µJy (AB zero point 22.5). */
    NANOMAGGY("nmgy", 3.631);

    /** AB zero point for µJy: m = 23.9 − 2.5 log10(f / µJy). */
    public static final double AB_ZERO_POINT_MICROJANSKY = 23.9;

    private final String suffix;
    private final double microJansky;

    FluxUnit(String suffix, double microJansky) {
        this.suffix = suffix;
        this.microJansky = microJansky;
    }

    /** The column-name suffix: uJy, nJy, mJy, nmgy. */
    public String suffix() {
        return suffix;
    }

    /** {@code value} in this unit expressed in {@code target}. */
    public double convert(double value, FluxUnit target) {
        return target == this ? value : value * microJansky / target.microJansky;
    }

    public static Optional<FluxUnit> fromSuffix(String suffix) {
        return Arrays.stream(values()).filter(u -> u.suffix.equals(suffix)).findFirst();
    }

    /** Flux density in µJy of an AB magnitude. */
    public static double abMagnitudeToMicroJansky(double magnitude) {
        return Math.pow(10.0, (AB_ZERO_POINT_MICROJANSKY - magnitude) / 2.5);
    }
}
