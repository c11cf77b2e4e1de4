package org.popstream.inference.prior;

import java.util.List;

/**
 * The space the sampler explores: (log10 M_formed, θ1..θ15), science.md §1. The emulator's
 * normalisation N is not sampled; it follows from log10 M_formed and z.
 */
public final class ParameterSpace {
    public static final int DIMENSION = 16;
    public static final int LOG10_MASS = 0;
    public static final int LOG10_Z = 1;
    public static final int FIRST_SFR_RATIO = 2;
    public static final int DUST2 = 8;
    public static final int DUST_INDEX = 9;
    public static final int DUST1_FRACTION = 10;
    public static final int REDSHIFT = 15;

    /** Column names, in sampler order (the order of every file and golden table, with N → log10M_formed). */
    public static final List<String> NAMES = List.of(
            "log10M_formed", "log10Z",
            "logsfr_ratio1", "logsfr_ratio2", "logsfr_ratio3", "logsfr_ratio4", "logsfr_ratio5", "logsfr_ratio6",
            "dust2", "dust_index", "dust1_fraction", "lnfagn", "lnagntau", "gaslog10Z", "gaslog10U", "z");

    private ParameterSpace() {}

    public static int indexOf(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown parameter '" + name + "', expected one of " + NAMES);
        }
        return i;
    }
}
