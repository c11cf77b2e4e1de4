package org.popstream.inference.physics;

/**
 * Physical quantities derived from one parameter vector (science.md §6).
 *
 * @param log10MFormed          log10 of the formed stellar mass (M☉)
 * @param log10MStar            log10 of the stellar mass still present (M☉)
 * @param massRemainingFraction M* / M_formed from the stellar-mass emulator
 * @param massWeightedAgeGyr    mass-weighted age of the star-formation history (Gyr)
 * @param log10Sfr              log10 SFR over the last 100 Myr (M☉/yr)
 * @param log10SsfrPerFormedMass log10 SFR/M_formed (1/yr), clipped to [−18, 0] as upstream
 * @param log10Ssfr             log10 SFR/M* (1/yr), the conventional specific SFR
 */
public record DerivedQuantities(
        double log10MFormed,
        double log10MStar,
        double massRemainingFraction,
        double massWeightedAgeGyr,
        double log10Sfr,
        double log10SsfrPerFormedMass,
        double log10Ssfr) {}
