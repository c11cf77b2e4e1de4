package org.popstream.inference.prior.population;

/**
 * Cosmic star-formation-rate density of Behroozi et al. 2019 (M☉ yr⁻¹ Mpc⁻³) as a function of z:
 * linear interpolation of ln SFRD between the table nodes, the first value below the first node and
 * zero above the last (population-prior.md §3, step 4).
 */
public final class CosmicSfrDensity {
    public static final String RESOURCE = "behroozi19_csfrd.csv";

    private final double[] nodes;
    private final double[] lnSfrd;

    CosmicSfrDensity(double[] z, double[] sfrd) {
        if (z.length != sfrd.length || z.length < 2) {
            throw new IllegalArgumentException("need ≥ 2 (z, sfrd) nodes");
        }
        this.nodes = z.clone();
        this.lnSfrd = new double[sfrd.length];
        for (int i = 0; i < sfrd.length; i++) {
            if (!(sfrd[i] > 0)) {
                throw new IllegalArgumentException("SFRD must be positive; node " + i + " (z = " + z[i] + ") = " + sfrd[i]);
            }
            if (i > 0 && !(z[i] > z[i - 1])) {
                throw new IllegalArgumentException("z nodes must increase; node " + i + " = " + z[i]);
            }
            lnSfrd[i] = Math.log(sfrd[i]);
        }
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
        if (z <= nodes[0]) {
            return Math.exp(lnSfrd[0]);
        }
        int last = nodes.length - 1;
        if (z > nodes[last]) {
            return 0.0;
        }
        int i = java.util.Arrays.binarySearch(nodes, z);
        if (i >= 0) {
            return Math.exp(lnSfrd[i]);
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (z - nodes[lo]) / (nodes[hi] - nodes[lo]);
        return Math.exp(lnSfrd[lo] + w * (lnSfrd[hi] - lnSfrd[lo]));
    }
}
