package org.popstream.job.validation;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.popstream.catalogue.Survey;

/**
 * Which band names each survey may report: the bands the emulators exist for. A serializable
 * snapshot of {@link Survey}'s registry, shipped with the validator.
 */
public final class SurveyBands implements Serializable {

    /** COSMOS2020: the 26 bands with photometry emulators, in upstream order. */
    public static final List<String> COSMOS2020 = Survey.COSMOS2020.bands();

    private final Map<String, Set<String>> bandsBySurvey;

    public SurveyBands(Map<String, ? extends Collection<String>> bandsBySurvey) {
        this.bandsBySurvey = bandsBySurvey.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The surveys popstream has emulators for: the same registry the catalogue replayer publishes with. */
    public static SurveyBands builtIn() {
        return new SurveyBands(Survey.names().stream()
                .collect(Collectors.toMap(name -> name, name -> Survey.named(name).orElseThrow().bands())));
    }

    public Optional<Set<String>> bandsOf(String survey) {
        return Optional.ofNullable(bandsBySurvey.get(survey));
    }
}
