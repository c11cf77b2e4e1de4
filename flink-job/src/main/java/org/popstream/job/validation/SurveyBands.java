package org.popstream.job.validation;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;

/** Which band names each survey may report: the bands the emulators exist for. */
public final class SurveyBands implements Serializable {

    /** COSMOS2020: the 26 bands with photometry emulators, in upstream order. */
    public static final List<String> COSMOS2020 = CosmosBands.ALL.stream().map(Band::name).toList();

    private final Map<String, Set<String>> bandsBySurvey;

    public SurveyBands(Map<String, ? extends Collection<String>> bandsBySurvey) {
        this.bandsBySurvey = bandsBySurvey.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The surveys popstream has emulators for. */
    public static SurveyBands builtIn() {
        return new SurveyBands(Map.of("cosmos2020", COSMOS2020));
    }

    public Optional<Set<String>> bandsOf(String survey) {
        return Optional.ofNullable(bandsBySurvey.get(survey));
    }
}
