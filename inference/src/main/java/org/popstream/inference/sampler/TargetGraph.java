package org.popstream.inference.sampler;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** A target's ops inside one graph. */
public interface TargetGraph<B> {

    /**
     * Log-density of points {@code [m, galaxies, D]} → {@code [m, galaxies]}; column g is galaxy g's
     * density. May return NaN or −∞ (the sampler treats NaN as −∞).
     */
    Operand<TFloat32> logProbability(Operand<TFloat32> points);

    /** Uploads a batch's data into the graph's variables before sampling it. */
    void bind(Session session, B batch);
}
