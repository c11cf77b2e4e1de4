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

    /**
     * Log-density {@code total} with its log prior part {@code prior} ({@code null} when the target
     * has no prior/likelihood split). Tempering raises only the likelihood, total − prior, to a power
     * β; a target without a split is tempered as a whole. Computes each part once.
     */
    default Parts logProbabilityParts(Operand<TFloat32> points) {
        return new Parts(null, logProbability(points));
    }

    /** See {@link #logProbabilityParts}. */
    record Parts(Operand<TFloat32> prior, Operand<TFloat32> total) {}

    /** Uploads a batch's data into the graph's variables before sampling it. */
    void bind(Session session, B batch);
}
