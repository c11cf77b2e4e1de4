package org.popstream.inference.prior.population;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The switchable terms of the population prior (population-prior.md §3). Each replaces the matching
 * independent term of the analytic prior of science.md §4; a term switched off leaves that one in place.
 */
public enum PopulationTerm {
    /** Leja+20 mass function × comoving volume; replaces uniform log10 M and uniform z. */
    ZMASS("zmass"),
    /** Gallazzi+05 mass–metallicity relation; replaces uniform log10 Z. */
    MZR("mzr"),
    /** Dynamic SFH (Behroozi+19 cosmic SFRD); replaces the zero-centred SFR-ratio Student-t. */
    SFH("sfh");

    private final String key;

    PopulationTerm(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses a comma-separated list such as {@code zmass,mzr,sfh}; the error names the bad entry. */
    public static Set<PopulationTerm> parseList(String list) {
        Set<PopulationTerm> terms = EnumSet.noneOf(PopulationTerm.class);
        for (String entry : list.split(",")) {
            String name = entry.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            PopulationTerm term = null;
            for (PopulationTerm candidate : values()) {
                if (candidate.key.equals(name)) {
                    term = candidate;
                }
            }
            if (term == null) {
                throw new IllegalArgumentException("unknown prior term '" + entry.trim() + "' (expected zmass, mzr, sfh)");
            }
            terms.add(term);
        }
        return terms;
    }
}
