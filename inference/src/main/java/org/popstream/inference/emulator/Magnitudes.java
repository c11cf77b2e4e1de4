package org.popstream.inference.emulator;

/** Conversions between the emulator output, apparent AB magnitudes and fluxes in nanomaggies. */
public final class Magnitudes {

    /** AB magnitude of 1 nanomaggy. */
    public static final double NANOMAGGY_ZERO_POINT = 22.5;

    private Magnitudes() {}

    /** Apparent AB magnitude m = out + N. */
    public static double apparent(double absMagPerMass, double normalisation) {
        return absMagPerMass + normalisation;
    }

    /** Flux in nanomaggies, 10^(−0.4 (m − 22.5)). */
    public static double fluxNanomaggies(double magnitude) {
        return Math.pow(10.0, -0.4 * (magnitude - NANOMAGGY_ZERO_POINT));
    }

    /**
     * asinh magnitude (Lupton et al. 1999) as upstream's {@code flux2asinhmag}, exact constants:
     * −(2.5 / ln 10)·(asinh(f / 2f_b) − ln(10⁹ / f_b)), f and f_b in nanomaggies.
     */
    public static double asinhMagnitude(double fluxNanomaggies, double softeningNanomaggies) {
        double x = fluxNanomaggies / (2.0 * softeningNanomaggies);
        double asinh = Math.log(x + Math.sqrt(x * x + 1.0));
        if (x < 0) {
            asinh = -Math.log(-x + Math.sqrt(x * x + 1.0));
        }
        return -(2.5 / Math.log(10.0)) * (asinh - Math.log(1e9 / softeningNanomaggies));
    }
}
