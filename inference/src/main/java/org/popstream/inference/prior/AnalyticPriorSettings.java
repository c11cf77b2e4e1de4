package org.popstream.inference.prior;

/**
 * The configurable ranges of the built-in prior.
 *
 * @param zMax          upper end of the uniform redshift prior (default 6)
 * @param log10MassMin  lower end of the uniform log10 M_formed prior (default 7)
 * @param log10MassMax  upper end (default 13)
 */
public record AnalyticPriorSettings(double zMax, double log10MassMin, double log10MassMax) {
    public static final AnalyticPriorSettings DEFAULT = new AnalyticPriorSettings(6.0, 7.0, 13.0);

    public AnalyticPriorSettings {
        if (!(zMax > 0 && zMax <= 6)) {
            throw new IllegalArgumentException("zmax must be in (0, 6] (the emulators' range), got " + zMax);
        }
        if (!(log10MassMin < log10MassMax)) {
            throw new IllegalArgumentException("log10 mass range is empty: [" + log10MassMin + ", " + log10MassMax + "]");
        }
    }

    public AnalyticPriorSettings withZMax(double z) {
        return new AnalyticPriorSettings(z, log10MassMin, log10MassMax);
    }
}
