package org.popstream.inference.summary;

import java.util.function.ToDoubleFunction;

/** Maps one sampler-space draw to the values of every summarised quantity ({@link QuantityNames#ALL} order). */
@FunctionalInterface
public interface DerivedSample {
    double[] quantities(double[] theta);

    /** For tests and analytic targets: the quantities are the parameters themselves, nothing derived. */
    static DerivedSample of(ToDoubleFunction<double[]>[] columns) {
        return theta -> {
            double[] out = new double[columns.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = columns[i].applyAsDouble(theta);
            }
            return out;
        };
    }
}
