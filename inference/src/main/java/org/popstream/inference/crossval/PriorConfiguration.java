package org.popstream.inference.crossval;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.population.BetaPrior;
import org.popstream.inference.prior.population.MassArgument;
import org.popstream.inference.prior.population.PopulationTerm;

/**
 * One prior compared by cross-validation: the analytic prior (no population terms) or the
 * population prior with some terms.
 *
 * @param name as written in metrics.csv, e.g. {@code beta:zmass,mzr,sfh}
 */
public record PriorConfiguration(String name, Set<PopulationTerm> terms) {

    /** The analytic prior, each population term alone, and all terms together. */
    public static final List<PriorConfiguration> STANDARD = List.of(
            new PriorConfiguration("analytic", Set.of()),
            new PriorConfiguration("beta:zmass", EnumSet.of(PopulationTerm.ZMASS)),
            new PriorConfiguration("beta:mzr", EnumSet.of(PopulationTerm.MZR)),
            new PriorConfiguration("beta:sfh", EnumSet.of(PopulationTerm.SFH)),
            new PriorConfiguration("beta:zmass,mzr,sfh", EnumSet.allOf(PopulationTerm.class)));

    public PriorConfiguration {
        terms = Set.copyOf(terms);
    }

    /**
     * The prior as its log density ratio to the analytic prior, which is the proposal of the shared
     * bank: 0 for the analytic prior itself.
     */
    ToDoubleFunction<double[]> logRatioToAnalytic() {
        return terms.isEmpty() ? theta -> 0.0
                : BetaPrior.create(AnalyticPriorSettings.DEFAULT, terms, MassArgument.FORMED)::logDensityRatioToAnalytic;
    }
}
