package org.popstream.cli;

import java.util.List;
import java.util.Set;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.Prior;
import org.popstream.inference.prior.learned.LearnedPriorSettings;
import org.popstream.inference.prior.learned.PriorChoice;
import org.popstream.inference.prior.population.BetaPrior;
import org.popstream.inference.prior.population.MassArgument;
import org.popstream.inference.prior.population.PopulationTerm;
import org.popstream.inference.settings.FitOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prior selection shared by {@code fit} and {@code calibrate} (a picocli mixin); {@code --zmax} is
 * the declared {@link FitOptions#ZMAX}, the streaming job's {@code sampler.zmax}.
 */
public final class PriorOptions implements SettingOptions.TakesSettings {

    private final SettingOptions settings = new SettingOptions(List.of(FitOptions.ZMAX));

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--prior", paramLabel = "analytic|beta|learned:PATH", defaultValue = "analytic",
            description = "analytic: independent terms of science.md §4; beta: Prospector-β-style population prior "
                    + "(docs/population-prior.md §3) with the terms of --prior-terms; learned:PATH: a pop-cosmos "
                    + "(flowfusion) diffusion population model, its support cut to the analytic box (default: ${DEFAULT-VALUE}).")
    void setKind(String value) {
        String family = value.trim();
        boolean known = family.equalsIgnoreCase("analytic") || family.equalsIgnoreCase("beta")
                || family.regionMatches(true, 0, "learned:", 0, "learned:".length());
        if (!known) {
            throw new ParameterException(spec.commandLine(), "--prior '" + value + "' is not analytic, beta or learned:PATH");
        }
        kind = family;
    }

    /** analytic, beta or learned:PATH, trimmed. */
    private String kind = "analytic";

    @Option(names = "--prior-grid-steps", defaultValue = "128",
            description = "With --prior learned:PATH: RK4 steps of the log-density inside the sampler (default: ${DEFAULT-VALUE}; see 'bench prior').")
    int priorGridSteps;

    @Option(names = "--prior-terms", paramLabel = "LIST", defaultValue = "zmass,mzr,sfh",
            description = "With --prior beta: comma-separated population terms: zmass (Leja+20 mass function × "
                    + "comoving volume), mzr (Gallazzi+05 mass–metallicity), sfh (dynamic SFH from the Behroozi+19 "
                    + "cosmic SFR density); each replaces the matching analytic term (default: ${DEFAULT-VALUE}).")
    String terms;

    @Option(names = "--prior-mass", paramLabel = "formed|surviving", defaultValue = "formed",
            description = "Mass passed to the population relations: formed (log10 M_formed, as Prospector-β) or "
                    + "surviving (log10 M*, needs the stellar-mass emulator in the graph; not available yet) "
                    + "(default: ${DEFAULT-VALUE}).")
    String mass;

    @Override
    public SettingOptions settingOptions() {
        return settings;
    }

    public Prior build() {
        AnalyticPriorSettings settings = FitOptions.priorSettings(this.settings);
        if (!kind.equalsIgnoreCase("beta")) { // analytic or learned:PATH, checked by setKind
            try {
                return PriorChoice.parse(kind).create(settings, new LearnedPriorSettings(priorGridSteps,
                        LearnedPriorSettings.DEFAULT.reference(), LearnedPriorSettings.DEFAULT.mapping()));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        Set<PopulationTerm> parsed;
        MassArgument argument;
        try {
            parsed = PopulationTerm.parseList(terms);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--prior-terms: " + e.getMessage());
        }
        try {
            argument = MassArgument.valueOf(mass.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--prior-mass: expected formed or surviving, got '" + mass + "'");
        }
        try {
            return BetaPrior.create(settings, parsed, argument);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--prior-mass " + mass + ": " + e.getMessage());
        }
    }
}
