package org.popstream.job.validation;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which band names each survey may report: the bands the emulators exist for. */
public final class SurveyBands implements Serializable {

    /** COSMOS2020, in upstream order ({@code pop_cosmos.constants.COSMOS_FILTERS}). */
    public static final List<String> COSMOS2020 = List.of(
            "u_megaprime_sagem", "hsc_g", "hsc_r", "hsc_i", "hsc_z", "hsc_y",
            "uvista_y_cosmos", "uvista_j_cosmos", "uvista_h_cosmos", "uvista_ks_cosmos",
            "ia427_cosmos", "ia464_cosmos", "ia484_cosmos", "ia505_cosmos", "ia527_cosmos", "ia574_cosmos",
            "ia624_cosmos", "ia679_cosmos", "ia709_cosmos", "ia738_cosmos", "ia767_cosmos", "ia827_cosmos",
            "NB711.SuprimeCam", "NB816.SuprimeCam", "irac1_cosmos", "irac2_cosmos");

    private final Map<String, Set<String>> bandsBySurvey;

    public SurveyBands(Map<String, ? extends java.util.Collection<String>> bandsBySurvey) {
        this.bandsBySurvey = bandsBySurvey.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The surveys popstream has emulators for. */
    public static SurveyBands builtIn() {
        return new SurveyBands(Map.of("cosmos2020", COSMOS2020));
    }

    public Optional<Set<String>> bandsOf(String survey) {
        return Optional.ofNullable(bandsBySurvey.get(survey));
    }
}
