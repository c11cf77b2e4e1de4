package org.popstream.inference.diffusion;

/**
 * A fixed time grid for the in-graph log-density: {@code steps} classical Runge–Kutta 4 steps at
 * {@code t_s = ε + (T − ε)(s/steps)^power}. power 2 crowds steps near ε, where a VP model's flow
 * changes fastest; a VE model does best with power 1.
 */
public record FixedGrid(int steps, double power) {

    public FixedGrid {
        if (steps < 1) {
            throw new IllegalArgumentException("a fixed grid needs at least one step, got " + steps);
        }
        if (!(power >= 1 && power <= 4)) {
            throw new IllegalArgumentException("grid power must be in [1, 4], got " + power);
        }
    }

    /** The grid that measured best for the SDE family at the given number of steps. */
    public static FixedGrid forSde(Sde sde, int steps) {
        return new FixedGrid(steps, sde instanceof Sde.VarianceExploding ? 1 : 2);
    }

    public double time(Sde sde, int s) {
        return sde.epsilon() + (sde.horizon() - sde.epsilon()) * Math.pow((double) s / steps, power);
    }
}
