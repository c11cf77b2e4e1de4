package org.popstream.inference.prior.learned;

/** How the population model's coordinates 1..15 relate to the bounded physical parameters. */
public enum BoundedParameterMapping {
    /** The model works on the physical values themselves. */
    IDENTITY,
    /**
     * The model works on {@code u = Φ⁻¹((θ − lower)/(upper − lower))} per bounded parameter (the
     * "probit-transformed space" the synthetic test models are declared in), which maps the box onto
     * the whole real line.
     */
    PROBIT;

}
