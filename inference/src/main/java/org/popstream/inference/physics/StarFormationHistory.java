package org.popstream.inference.physics;

/**
 * The pop-cosmos / Prospector "continuity" star-formation history: 7 bins in lookback time, the
 * SFR of adjacent bins linked by the six logsfr_ratio parameters, normalised to one unit of
 * formed mass.
 *
 * @param edgesGyr  the 8 bin edges in lookback time (Gyr), youngest first
 * @param sfr       SFR in each bin per unit formed mass (1/Gyr), Σ sfr·Δt = 1
 */
public record StarFormationHistory(double[] edgesGyr, double[] sfr) {

    public static final int BINS = 7;
    public static final int RATIOS = BINS - 1;

    /**
     * Bin edges for a galaxy whose universe is {@code ageGyr} old: 0, 30 Myr, then
     * 0.1·(8.5 t)^(k/4) Gyr for k = 0..4 (100 Myr to 0.85 t), then t.
     */
    public static double[] binEdgesGyr(double ageGyr) {
        double[] edges = new double[BINS + 1];
        edges[0] = 0.0;
        edges[1] = 0.03;
        for (int k = 0; k <= 4; k++) {
            edges[2 + k] = 0.1 * Math.pow(8.5 * ageGyr, k / 4.0);
        }
        edges[BINS] = ageGyr;
        return edges;
    }

    /**
     * @param logsfrRatios six values log10(SFR_k / SFR_{k+1}), bin 1 youngest
     * @param ageGyr       age of the universe at the galaxy's redshift
     */
    public static StarFormationHistory of(double[] logsfrRatios, double ageGyr) {
        if (logsfrRatios.length != RATIOS) {
            throw new IllegalArgumentException("need " + RATIOS + " logsfr ratios, got " + logsfrRatios.length);
        }
        double[] edges = binEdgesGyr(ageGyr);
        double[] sfr = new double[BINS];
        sfr[0] = 1.0;
        for (int k = 1; k < BINS; k++) {
            sfr[k] = sfr[k - 1] * Math.pow(10.0, -logsfrRatios[k - 1]);
        }
        double mass = 0.0;
        for (int k = 0; k < BINS; k++) {
            mass += sfr[k] * (edges[k + 1] - edges[k]);
        }
        for (int k = 0; k < BINS; k++) {
            sfr[k] /= mass;
        }
        return new StarFormationHistory(edges, sfr);
    }

    /** Fraction of the formed mass formed in bin k. */
    public double massFraction(int k) {
        return sfr[k] * (edgesGyr[k + 1] - edgesGyr[k]);
    }

    /** Mass-weighted age in Gyr: Σ SFR_k (t_hi² − t_lo²)/2. */
    public double massWeightedAgeGyr() {
        double age = 0.0;
        for (int k = 0; k < BINS; k++) {
            age += sfr[k] * (edgesGyr[k + 1] * edgesGyr[k + 1] - edgesGyr[k] * edgesGyr[k]) / 2.0;
        }
        return age;
    }

    /**
     * log10 of the specific SFR over the last 100 Myr per unit formed mass (1/yr), clipped to
     * [−18, 0] as upstream does: log10((m_1 + m_2 + 1e−20) / 0.1 Gyr) − 9.
     */
    public double log10SpecificSfr100MyrPerFormedMass() {
        double recent = massFraction(0) + massFraction(1) + 1e-20;
        return Math.max(-18.0, Math.min(0.0, Math.log10(recent / 0.1) - 9.0));
    }
}
