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
}
