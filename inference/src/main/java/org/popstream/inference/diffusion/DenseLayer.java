package org.popstream.inference.diffusion;

import java.util.Arrays;

/**
 * One {@code torch.nn.Linear}: {@code y = x Wᵀ + b}.
 *
 * @param inputs  input width
 * @param outputs output width
 * @param weight  row-major (outputs × inputs), the torch storage order
 * @param bias    length {@code outputs}
 */
public record DenseLayer(int inputs, int outputs, double[] weight, double[] bias) {

    public DenseLayer {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("layer widths must be positive, got " + inputs + "→" + outputs);
        }
        if (weight.length != (long) inputs * outputs) {
            throw new IllegalArgumentException("weight of a " + inputs + "→" + outputs + " layer needs "
                    + inputs * outputs + " values, got " + weight.length);
        }
        if (bias.length != outputs) {
            throw new IllegalArgumentException("bias of a " + inputs + "→" + outputs + " layer needs " + outputs
                    + " values, got " + bias.length);
        }
        weight = weight.clone();
        bias = bias.clone();
    }

    public double weight(int out, int in) {
        return weight[out * inputs + in];
    }

    /** The weight as (outputs × inputs) rows. */
    public double[][] weightRows() {
        double[][] rows = new double[outputs][];
        for (int o = 0; o < outputs; o++) {
            rows[o] = Arrays.copyOfRange(weight, o * inputs, (o + 1) * inputs);
        }
        return rows;
    }

    @Override
    public double[] weight() {
        return weight.clone();
    }

    @Override
    public double[] bias() {
        return bias.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseLayer l && inputs == l.inputs && outputs == l.outputs
                && Arrays.equals(weight, l.weight) && Arrays.equals(bias, l.bias);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weight) + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Linear(" + inputs + "→" + outputs + ")";
    }
}
