package org.popstream.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A band set the fitter has emulators for. Catalogue band columns are matched against it by name;
 * columns of other bands are ignored (with one warning), since nothing can model them.
 *
 * @param name  survey name carried in every event, e.g. {@code cosmos2020}
 * @param bands emulator band names in the emulators' order
 */
public record Survey(String name, List<String> bands) {

    /** The 26 COSMOS2020 bands of the pop-cosmos Speculator emulators, in {@code COSMOS_FILTERS} order. */
    public static final Survey COSMOS2020 = new Survey("cosmos2020", List.of(
            "u_megaprime_sagem", "hsc_g", "hsc_r", "hsc_i", "hsc_z", "hsc_y",
            "uvista_y_cosmos", "uvista_j_cosmos", "uvista_h_cosmos", "uvista_ks_cosmos",
            "ia427_cosmos", "ia464_cosmos", "ia484_cosmos", "ia505_cosmos", "ia527_cosmos", "ia574_cosmos",
            "ia624_cosmos", "ia679_cosmos", "ia709_cosmos", "ia738_cosmos", "ia767_cosmos", "ia827_cosmos",
            "NB711.SuprimeCam", "NB816.SuprimeCam", "irac1_cosmos", "irac2_cosmos"));

    private static final Map<String, Survey> KNOWN = Map.of(COSMOS2020.name(), COSMOS2020);

    public Survey {
        bands = List.copyOf(bands);
        if (Set.copyOf(bands).size() != bands.size()) {
            throw new IllegalArgumentException("duplicate band in survey " + name);
        }
    }

    public boolean hasBand(String band) {
        return bands.contains(band);
    }

    public static Optional<Survey> named(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /** Names accepted by {@link #named}, for help and error messages. */
    public static Set<String> names() {
        return KNOWN.keySet();
    }
}
