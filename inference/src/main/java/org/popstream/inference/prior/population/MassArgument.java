package org.popstream.inference.prior.population;

/**
 * Which stellar mass the population relations are evaluated at (population-prior.md §2.6, §3).
 * The relations were measured against present-day (surviving) masses; Prospector-β nevertheless
 * passes the formed mass.
 */
public enum MassArgument {
    /**
     * μ = log10 M_formed, exactly as Prospector-β (default). Places the prior ~0.1–0.25 dex high in mass
     * relative to the relations, but keeps the normaliser exact.
     */
    FORMED,
    /**
     * μ = log10 M_formed + log10 f_surv(θ), f_surv from the stellar-mass emulator. The normaliser C is kept
     * at its formed-mass value, which tilts the prior towards smaller f_surv by up to ~25 % (ln ≈ 0.23)
     * across the emulator's range of f_surv; accepted and documented rather than renormalised per point.
     */
    SURVIVING
}
