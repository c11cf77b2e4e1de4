package org.popstream.inference.diffusion;

import java.util.List;

/**
 * flowfusion's {@code MLP}: input {@code [sin(2πWt), cos(2πWt), z, c]}, the activation after every
 * layer but the last. With {@code no_sigma = False} its output is score·σ(t), otherwise the score.
 *
 * @param timeFrequencies {@code W} (not trained); the embedding has {@code 2·W.length} entries
 * @param pi              the stored float32 {@code pi} buffer widened to double; upstream forms the
 *                        phase as {@code ((t·W)·2)·pi}, and we keep that order so results match bit for bit
 * @param layers          the {@code NN} ModuleList in order
 * @param dimensions      size of the modelled variable z (= last layer's outputs)
 * @param conditionals    size of the conditioning vector (0 for an unconditional model)
 */
public record ScoreNetwork(
        double[] timeFrequencies, double pi, List<DenseLayer> layers, Activation activation,
        int dimensions, int conditionals) {

    public ScoreNetwork {
        timeFrequencies = timeFrequencies.clone();
        layers = List.copyOf(layers);
        if (layers.size() < 2) {
            throw new IllegalArgumentException("a score network needs at least 2 layers, got " + layers.size());
        }
        int expectedInputs = 2 * timeFrequencies.length + dimensions + conditionals;
        if (layers.get(0).inputs() != expectedInputs) {
            throw new IllegalArgumentException("first layer takes " + layers.get(0).inputs()
                    + " inputs, but the time embedding (" + 2 * timeFrequencies.length + ") + dimensions ("
                    + dimensions + ") + conditionals (" + conditionals + ") give " + expectedInputs);
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
        if (layers.get(layers.size() - 1).outputs() != dimensions) {
            throw new IllegalArgumentException("last layer gives " + layers.get(layers.size() - 1).outputs()
                    + " outputs, expected one per dimension (" + dimensions + ")");
        }
    }

    public int embeddingSize() {
        return 2 * timeFrequencies.length;
    }

    /** Column of the first layer's input where z starts. */
    public int stateOffset() {
        return embeddingSize();
    }

    @Override
    public double[] timeFrequencies() {
        return timeFrequencies.clone();
    }

    /** Architecture as torch prints it, e.g. {@code [60, 256, 256, 26]}. */
    public String architecture() {
        StringBuilder sb = new StringBuilder("[").append(layers.get(0).inputs());
        for (DenseLayer layer : layers) {
            sb.append(", ").append(layer.outputs());
        }
        return sb.append(']').toString();
    }
}
