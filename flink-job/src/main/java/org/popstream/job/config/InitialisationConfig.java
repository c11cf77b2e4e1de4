package org.popstream.job.config;

import java.io.Serializable;

/**
 * How walkers are started: the best of {@code bank} prior draws, refined by {@code adamSteps} of
 * MAP optimisation from {@code starts} points (unless {@code optimise} is off).
 */
public record InitialisationConfig(int bank, int starts, boolean optimise, int adamSteps, boolean anneal)
        implements Serializable {}
