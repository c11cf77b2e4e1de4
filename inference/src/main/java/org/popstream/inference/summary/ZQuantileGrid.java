package org.popstream.inference.summary;

/** Fixed cumulative levels at which the redshift posterior is reported (qp "quant" parameterisation). */
public final class ZQuantileGrid {
    public static final double[] LEVELS = {
        0.01, 0.025, 0.05, 0.1, 0.16, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.84, 0.9, 0.95, 0.975, 0.99,
    };

    private ZQuantileGrid() {}
}
