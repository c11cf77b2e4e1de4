package org.popstream.inference.prior.population;

/**
 * Cosmic star-formation-rate density of Behroozi et al. 2019 (M☉ yr⁻¹ Mpc⁻³) as a function of z:
 * linear interpolation of ln SFRD between the table nodes, the first value below the first node and
 * zero above the last (population-prior.md §3, step 4).
 */
public final class CosmicSfrDensity {
    public static final String RESOURCE = "behroozi19_csfrd.csv";

    private final double[] nodes;
    private final LinearInterpolation lnSfrd;

    CosmicSfrDensity(double[] z, double[] sfrd) {
        if (z.length != sfrd.length || z.length < 2) {
            throw new IllegalArgumentException("need ≥ 2 (z, sfrd) nodes");
        }
        double[] ln = new double[sfrd.length];
        for (int i = 0; i < sfrd.length; i++) {
            if (!(sfrd[i] > 0)) {
                throw new IllegalArgumentException("SFRD must be positive; node " + i + " (z = " + z[i] + ") = " + sfrd[i]);
            }
            ln[i] = Math.log(sfrd[i]);
        }
        this.lnSfrd = new LinearInterpolation(z, ln); // checks that the nodes increase
        this.nodes = z.clone();
    }

    public static CosmicSfrDensity behroozi19() {
        NumericTable table = NumericTable.fromResource(RESOURCE);
        return new CosmicSfrDensity(table.column("z"), table.column("sfrd_msun_per_yr_per_mpc3"));
    }

    /** Node redshifts; the density is smooth (exp-linear) between consecutive nodes. */
    double[] nodes() {
        return nodes.clone();
    }

    public double value(double z) {
        return z > nodes[nodes.length - 1] ? 0.0 : Math.exp(lnSfrd.value(z));
    }
}
