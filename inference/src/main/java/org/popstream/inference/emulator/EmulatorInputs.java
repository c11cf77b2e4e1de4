package org.popstream.inference.emulator;

import java.util.List;

/** The 15 inputs of every photometry emulator, in the order the networks expect them. */
public final class EmulatorInputs {

    public static final List<String> NAMES = List.of(
            "log10Z", "logsfr_ratio1", "logsfr_ratio2", "logsfr_ratio3", "logsfr_ratio4", "logsfr_ratio5",
            "logsfr_ratio6", "sqrt_dust2", "dust_index", "dust1_fraction", "lnfagn", "lnagntau", "gaslog10Z",
            "gaslog10U", "z");

    public static final int COUNT = 15;
    /** Column of sqrt(dust2): the networks take the square root of the diffuse-dust optical depth. */
    public static final int SQRT_DUST2 = 7;
    /** Column of the redshift. */
    public static final int Z = 14;

    private EmulatorInputs() {}
}
