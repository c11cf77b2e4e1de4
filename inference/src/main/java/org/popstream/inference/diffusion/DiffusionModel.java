package org.popstream.inference.diffusion;

import java.util.Arrays;

/**
 * A flowfusion {@code PopulationModelDiffusion} or {@code PopulationModelDiffusionConditional} as
 * plain numbers: the model is over the normalised variable {@code z = (x − shift)/scale}, optionally
 * given the normalised condition {@code (c − conditionalShift)/conditionalScale}.
 *
 * @param noSigma          upstream's {@code no_sigma}: the network output is the score itself (true)
 *                         or score·σ(t) (false)
 * @param conditionalShift empty for an unconditional model
 * @param conditionalScale empty for an unconditional model
 */
public record DiffusionModel(
        ScoreNetwork network, Sde sde, boolean noSigma,
        double[] shift, double[] scale, double[] conditionalShift, double[] conditionalScale) {

    public DiffusionModel {
        int d = network.dimensions();
        int nc = network.conditionals();
        requireLength("shift", shift, d);
        requireLength("scale", scale, d);
        requireLength("conditional_shift", conditionalShift, nc);
        requireLength("conditional_scale", conditionalScale, nc);
        for (double s : scale) {
            if (!(s != 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("scale entries must be finite and non-zero, got " + Arrays.toString(scale));
            }
        }
        shift = shift.clone();
        scale = scale.clone();
        conditionalShift = conditionalShift.clone();
        conditionalScale = conditionalScale.clone();
    }

    private static void requireLength(String name, double[] values, int expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " entries, the score network expects " + expected);
        }
    }

    public int dimensions() {
        return network.dimensions();
    }

    public int conditionals() {
        return network.conditionals();
    }

    public boolean isConditional() {
        return network.conditionals() > 0;
    }

    /** Σ log|scale_j|: subtract from the density of z to get the density of the raw x. */
    public double logScaleSum() {
        double sum = 0;
        for (double s : scale) {
            sum += Math.log(Math.abs(s));
        }
        return sum;
    }

    /** −½ g²(t) / σ(t)^[!noSigma]: the factor of the network output in the probability-flow drift. */
    public double networkCoefficient(double t) {
        double k = -0.5 * sde.diffusionSquared(t);
        return noSigma ? k : k / sde.sigma(t);
    }

    @Override
    public double[] shift() {
        return shift.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] conditionalShift() {
        return conditionalShift.clone();
    }

    @Override
    public double[] conditionalScale() {
        return conditionalScale.clone();
    }

    /** One line for logs and the loader's report. */
    public String summary() {
        return (isConditional() ? "conditional" : "unconditional") + " diffusion over " + dimensions()
                + " dimensions" + (isConditional() ? " given " + conditionals() : "") + "; score MLP "
                + network.architecture() + " " + network.activation().name().toLowerCase()
                + ", time embedding " + network.embeddingSize() + "; " + sde.describe() + "; no_sigma=" + noSigma;
    }
}
