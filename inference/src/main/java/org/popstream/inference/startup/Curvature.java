package org.popstream.inference.startup;

/**
 * −∇² log p at a point of one galaxy's posterior (D × D, symmetric): the precision of the Laplace
 * approximation there before any direction is capped ({@link LaplaceComponent} caps them).
 */
record Curvature(double[][] precision) {

    /** No curvature at all: every direction is as wide as the cap allows. */
    static Curvature flat(int dim) {
        return new Curvature(new double[dim][dim]);
    }

    int dimension() {
        return precision.length;
    }
}
