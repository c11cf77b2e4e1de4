package org.popstream.inference.summary;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.prior.ParameterSpace;

/** The summarised quantities in output order (issue 3: z, masses, SFR, ..., then the other parameters). */
public final class QuantityNames {

    public static final List<String> LEADING = List.of(
            "z", "log10M_formed", "log10Mstar", "log10SFR", "log10sSFR", "log10Z", "dust2", "dust_index",
            "dust1_fraction", "mw_age_gyr");

    /** All quantities: the leading ones, then every sampler parameter not yet listed. */
    public static final List<String> ALL = build();

    private QuantityNames() {}

    private static List<String> build() {
        List<String> all = new ArrayList<>(LEADING);
        for (String p : ParameterSpace.NAMES) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return List.copyOf(all);
    }
}
