package org.popstream.inference.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The 26 COSMOS2020 bands of pop-cosmos, in upstream order ({@code pop_cosmos.constants.COSMOS_FILTERS}). */
public final class CosmosBands {

    private static final String[][] NAMES_AND_LABELS = {
        {"u_megaprime_sagem", "u (CFHT MegaPrime)"}, {"hsc_g", "g (Subaru HSC)"}, {"hsc_r", "r (HSC)"},
        {"hsc_i", "i (HSC)"}, {"hsc_z", "z (HSC)"}, {"hsc_y", "y (HSC)"}, {"uvista_y_cosmos", "Y (UltraVISTA)"},
        {"uvista_j_cosmos", "J (UltraVISTA)"}, {"uvista_h_cosmos", "H (UltraVISTA)"},
        {"uvista_ks_cosmos", "Ks (UltraVISTA)"}, {"ia427_cosmos", "IB427"}, {"ia464_cosmos", "IB464"},
        {"ia484_cosmos", "IA484"}, {"ia505_cosmos", "IB505"}, {"ia527_cosmos", "IA527"},
        {"ia574_cosmos", "IB574"}, {"ia624_cosmos", "IA624"}, {"ia679_cosmos", "IA679"},
        {"ia709_cosmos", "IB709"}, {"ia738_cosmos", "IA738"}, {"ia767_cosmos", "IA767"},
        {"ia827_cosmos", "IB827"}, {"NB711.SuprimeCam", "NB711"}, {"NB816.SuprimeCam", "NB816"},
        {"irac1_cosmos", "IRAC ch1"}, {"irac2_cosmos", "IRAC ch2"},
    };

    /** All bands in upstream order. */
    public static final List<Band> ALL = build();

    private CosmosBands() {}

    private static List<Band> build() {
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < NAMES_AND_LABELS.length; i++) {
            bands.add(new Band(i, NAMES_AND_LABELS[i][0], NAMES_AND_LABELS[i][1]));
        }
        return List.copyOf(bands);
    }

    /** The band with this upstream name. */
    public static Band byName(String name) {
        for (Band band : ALL) {
            if (band.name().equals(name)) {
                return band;
            }
        }
        throw new IllegalArgumentException("unknown band '" + name + "'; known bands: "
                + ALL.stream().map(Band::name).collect(Collectors.joining(", ")));
    }

    /** Parses a comma-separated band list, or {@code all}; keeps the given order, drops repeats. */
    public static List<Band> parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("all")) {
            return ALL;
        }
        Set<Band> bands = new LinkedHashSet<>();
        for (String name : spec.split(",")) {
            if (!name.isBlank()) {
                bands.add(byName(name.trim()));
            }
        }
        return List.copyOf(bands);
    }
}
