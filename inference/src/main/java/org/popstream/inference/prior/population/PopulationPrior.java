package org.popstream.inference.prior.population;

/**
 * The enabled population terms evaluated in double precision: the part of ln p(θ) that depends on
 * (z, μ, log10 Z, r₁..r₆). The other parameters keep their analytic terms (science.md §4).
 */
public final class PopulationPrior {
    private final PopulationPriorSettings settings;
    private final RedshiftMassPrior redshiftMass;
    private final MassMetallicityRelation massMetallicity;
    private final DynamicSfhPrior sfh;

    public PopulationPrior(PopulationPriorSettings settings, RedshiftMassPrior redshiftMass,
            MassMetallicityRelation massMetallicity, DynamicSfhPrior sfh) {
        this.settings = settings;
        this.redshiftMass = redshiftMass;
        this.massMetallicity = massMetallicity;
        this.sfh = sfh;
    }

    /** The recommended terms and tables, in the given cosmology (Planck18 for popstream). */
    public static PopulationPrior create(PopulationPriorSettings settings, ExpansionHistory cosmology) {
        return new PopulationPrior(settings,
                new RedshiftMassPrior(new LejaStellarMassFunction(), new ComovingVolumeElement(cosmology), settings.box()),
                MassMetallicityRelation.gallazzi05(),
                settings.has(PopulationTerm.SFH) ? DynamicSfhPrior.recommended(cosmology) : null);
    }

    public PopulationPriorSettings settings() {
        return settings;
    }

    public RedshiftMassPrior redshiftMass() {
        return redshiftMass;
    }

    public MassMetallicityRelation massMetallicity() {
        return massMetallicity;
    }

    /** Null when the SFH term is off (its ρ table is then never built). */
    public DynamicSfhPrior sfh() {
        return sfh;
    }

    /**
     * Σ of the enabled terms' ln densities.
     *
     * @param z                 redshift
     * @param log10MassFormed   log10 M_formed (the sampled mass; its box is checked by the caller's bounds)
     * @param log10SurvivingFraction log10 f_surv; used only with {@link MassArgument#SURVIVING}
     */
    public double lnDensity(double z, double log10MassFormed, double log10Z, double[] ratios, double log10SurvivingFraction) {
        double mu = settings.massArgument() == MassArgument.FORMED
                ? log10MassFormed : log10MassFormed + log10SurvivingFraction;
        double sum = 0.0;
        if (settings.has(PopulationTerm.ZMASS)) {
            sum += settings.massArgument() == MassArgument.FORMED
                    ? redshiftMass.lnDensity(z, mu) : redshiftMass.lnDensityAnyMass(z, mu);
        }
        if (settings.has(PopulationTerm.MZR)) {
            sum += massMetallicity.lnDensity(log10Z, mu);
        }
        if (settings.has(PopulationTerm.SFH)) {
            sum += sfh.lnDensity(ratios, z, mu);
        }
        return sum;
    }
}
