package org.popstream.inference.startup;

/**
 * The best point found so far from each start of each galaxy, [starts, galaxies, D], and its log
 * posterior [starts, galaxies]. Every search step returns a new one.
 */
record Optima(StackedPoints centres, StackedValues logPosterior) {}
