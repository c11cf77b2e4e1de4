package org.popstream.inference.mock;

import org.popstream.inference.fit.GalaxyPhotometry;

/** A simulated galaxy: its photometry and the parameter vector it was drawn from (sampler order). */
public record MockGalaxy(GalaxyPhotometry photometry, double[] truth) {}
