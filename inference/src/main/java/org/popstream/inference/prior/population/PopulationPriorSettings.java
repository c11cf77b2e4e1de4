package org.popstream.inference.prior.population;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed configuration of the population prior.
 *
 * @param terms        enabled terms (any subset; empty = the analytic prior)
 * @param massArgument mass passed to the population relations
 * @param box          normalisation box of the redshift–mass term (its zMax is the prior's zmax)
 */
public record PopulationPriorSettings(Set<PopulationTerm> terms, MassArgument massArgument, PopulationBox box) {

    public PopulationPriorSettings {
        terms = terms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(terms));
        if (massArgument == null || box == null) {
            throw new IllegalArgumentException("mass argument and box are required");
        }
    }

    /** All three terms, formed mass, the standard box: the recommended Prospector-β-style prior. */
    public static PopulationPriorSettings recommended() {
        return new PopulationPriorSettings(EnumSet.allOf(PopulationTerm.class), MassArgument.FORMED, PopulationBox.standard());
    }

    public boolean has(PopulationTerm term) {
        return terms.contains(term);
    }

    public String describe() {
        String names = terms.stream().sorted().map(PopulationTerm::key).collect(Collectors.joining(","));
        return "terms=" + (names.isEmpty() ? "none" : names) + ", mass=" + massArgument.name().toLowerCase()
                + ", zmax=" + box.zMax();
    }
}
