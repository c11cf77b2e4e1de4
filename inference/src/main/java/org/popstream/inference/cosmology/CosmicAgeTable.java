package org.popstream.inference.cosmology;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Age of the universe by linear interpolation on a uniform redshift grid, for per-sample derived
 * quantities (the SFH bin edges need t_univ(z) for every posterior draw). Built from the exact age
 * today minus the lookback time accumulated interval by interval; interpolation error about 1e-6 Gyr
 * with the default 1e-3 step. Beyond the grid the last segment is extrapolated.
 */
public final class CosmicAgeTable {

    private final double step;
    private final double[] ageGyr;

    private CosmicAgeTable(double step, double[] ageGyr) {
        this.step = step;
        this.ageGyr = ageGyr;
    }

    /** Planck18 on [0, 12] with step 1e-3. */
    public static CosmicAgeTable planck18() {
        return build(FlatLambdaCdm.planck18(), DistanceModulusTable.DEFAULT_Z_MAX, DistanceModulusTable.DEFAULT_STEP);
    }

    public static CosmicAgeTable build(FlatLambdaCdm cosmology, double zMax, double step) {
        int n = (int) Math.ceil(zMax / step) + 1;
        double[] age = new double[n];
        age[0] = cosmology.ageGyr(0.0);
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(8);
        double lookback = 0.0;
        for (int i = 1; i < n; i++) {
            double lo = (i - 1) * step;
            double sum = 0.0;
            for (int k = 0; k < rule.getNumberOfPoints(); k++) {
                double z = lo + (rule.getPoint(k) + 1.0) * 0.5 * step;
                sum += rule.getWeight(k) / ((1.0 + z) * cosmology.efunc(z));
            }
            lookback += sum * 0.5 * step * cosmology.hubbleTimeGyr();
            age[i] = age[0] - lookback;
        }
        return new CosmicAgeTable(step, age);
    }

    /** Interpolated age of the universe at z, in Gyr. */
    public double ageGyr(double z) {
        double u = z / step;
        int i = (int) Math.max(0, Math.min(ageGyr.length - 2, Math.floor(u)));
        double f = u - i;
        return ageGyr[i] + f * (ageGyr[i + 1] - ageGyr[i]);
    }
}
