package org.popstream.inference.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.popstream.inference.prior.Bounds;

/**
 * One galaxy's posterior as the Laplace mixture Σ_m w_m N(MAP_m, H_m⁻¹), w_m ∝ p(MAP_m) |H_m⁻¹|^½,
 * over its distinct modes.
 *
 * @param components      distinct modes, largest weight first
 * @param mapLogPosterior the largest log posterior among all the modes found (before merging)
 */
record LaplaceMixture(List<LaplaceComponent> components, double mapLogPosterior) {

    /** Modes whose Laplace weight is below this share of the best are dropped. */
    static final double MIN_MODE_WEIGHT = 1e-3;

    LaplaceMixture {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a Laplace mixture needs at least one component");
        }
        components = List.copyOf(components);
    }

    /**
     * The mixture over a galaxy's modes. When no start reached a finite log posterior, one component
     * at the centre of the prior box with every direction at the width cap (and log posterior 0).
     */
    static LaplaceMixture around(Modes modes, Bounds bounds) {
        List<LaplaceComponent> all = new ArrayList<>();
        for (Mode mode : modes.found()) {
            all.add(mode.laplace(bounds));
        }
        if (all.isEmpty()) {
            double[] centre = new double[bounds.dimension()];
            for (int d = 0; d < centre.length; d++) {
                centre[d] = bounds.lower(d) + 0.5 * bounds.width(d);
            }
            all.add(LaplaceComponent.of(centre, 0, Curvature.flat(centre.length), bounds));
        }
        double map = all.stream().mapToDouble(LaplaceComponent::logPosterior).max().orElse(Double.NaN);
        return new LaplaceMixture(distinct(all), map);
    }

    /**
     * Drops modes that converged onto a better one: a centre within 3σ (Mahalanobis, in the better
     * mode's covariance) of a kept centre is the same mode. Starts that share a redshift but differ
     * in star-formation history stay separate modes.
     */
    private static List<LaplaceComponent> distinct(List<LaplaceComponent> modes) {
        List<LaplaceComponent> sorted = new ArrayList<>(modes);
        sorted.sort((a, b) -> Double.compare(b.logWeight(), a.logWeight()));
        List<LaplaceComponent> kept = new ArrayList<>();
        double best = sorted.get(0).logWeight();
        for (LaplaceComponent m : sorted) {
            boolean duplicate = kept.stream().anyMatch(k -> k.mahalanobis2(m.centre()) < 9);
            if (!duplicate && m.logWeight() - best > Math.log(MIN_MODE_WEIGHT)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * {@code walkers} draws, shared among the components by their weights (largest remainder, best
     * component first on ties), each from its Gaussian, reflected into the bounds.
     */
    List<double[]> draw(int walkers, RandomGenerator random, Bounds bounds) {
        int[] count = walkersPerComponent(walkers);
        List<double[]> out = new ArrayList<>(walkers);
        for (int k = 0; k < components.size(); k++) {
            LaplaceComponent mode = components.get(k);
            double[] centre = mode.centre();
            int dim = centre.length;
            double[][] chol = mode.choleskyFactor();
            for (int c = 0; c < count[k]; c++) {
                double[] xi = new double[dim];
                for (int d = 0; d < dim; d++) {
                    xi[d] = random.nextGaussian();
                }
                double[] x = new double[dim];
                for (int a = 0; a < dim; a++) {
                    double s = centre[a];
                    for (int b = 0; b <= a; b++) {
                        s += chol[a][b] * xi[b];
                    }
                    x[a] = bounds.reflect(a, s);
                }
                out.add(x);
            }
        }
        return out;
    }

    private int[] walkersPerComponent(int walkers) {
        double best = components.get(0).logWeight();
        double[] weight = new double[components.size()];
        double total = 0;
        for (int k = 0; k < weight.length; k++) {
            weight[k] = Math.exp(components.get(k).logWeight() - best);
            total += weight[k];
        }
        int[] count = new int[components.size()];
        int assigned = 0;
        for (int k = 0; k < count.length; k++) {
            count[k] = (int) Math.floor(walkers * weight[k] / total);
            assigned += count[k];
        }
        while (assigned < walkers) { // remainders, best mode first on ties
            int arg = 0;
            double most = -1;
            for (int k = 0; k < count.length; k++) {
                double rest = walkers * weight[k] / total - count[k];
                if (rest > most) {
                    most = rest;
                    arg = k;
                }
            }
            count[arg]++;
            assigned++;
        }
        return count;
    }
}
