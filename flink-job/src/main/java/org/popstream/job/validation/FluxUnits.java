package org.popstream.job.validation;

import org.popstream.schemas.FluxUnit;

/** Conversion to nanomaggies, the unit of the likelihood: 1 nmgy = 3.631 µJy (AB zero point 22.5). */
public final class FluxUnits {

    private static final double MICROJANSKY_PER_NANOMAGGY = 3.631;

    private FluxUnits() {}

    public static double nanomaggiesPer(FluxUnit unit) {
        return switch (unit) {
            case NMGY -> 1.0;
            case UJY -> 1.0 / MICROJANSKY_PER_NANOMAGGY;
            case NJY -> 1.0 / (MICROJANSKY_PER_NANOMAGGY * 1e3);
            case MJY -> 1e3 / MICROJANSKY_PER_NANOMAGGY;
        };
    }

    /** AB magnitude of a positive flux in nanomaggies. */
    public static double abMagnitude(double nanomaggies) {
        return 22.5 - 2.5 * Math.log10(nanomaggies);
    }
}
