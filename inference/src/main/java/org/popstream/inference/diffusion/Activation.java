package org.popstream.inference.diffusion;

import java.util.Arrays;
import java.util.Optional;

/** Hidden-layer activations that flowfusion score networks are pickled with. */
public enum Activation {
    TANH("torch.nn.modules.activation.Tanh"),
    SILU("torch.nn.modules.activation.SiLU");

    private final String torchClass;

    Activation(String torchClass) {
        this.torchClass = torchClass;
    }

    /** Qualified torch class name as it appears in a pickle. */
    public String torchClass() {
        return torchClass;
    }

    public static Optional<Activation> fromTorchClass(String className) {
        return Arrays.stream(values()).filter(a -> a.torchClass.equals(className)).findFirst();
    }

    /** Value at {@code u}; the plain-Java twin of the TensorFlow graph, used by the reference path. */
    public double apply(double u) {
        return switch (this) {
            case TANH -> Math.tanh(u);
            case SILU -> u / (1.0 + Math.exp(-u));
        };
    }

    /** Derivative at {@code u}. */
    public double derivative(double u) {
        return switch (this) {
            case TANH -> {
                double th = Math.tanh(u);
                yield 1.0 - th * th;
            }
            case SILU -> {
                double s = 1.0 / (1.0 + Math.exp(-u));
                yield s * (1.0 + u * (1.0 - s));
            }
        };
    }
}
