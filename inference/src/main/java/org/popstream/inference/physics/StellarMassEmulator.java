package org.popstream.inference.physics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.model.ModelTensor;
import org.popstream.inference.model.PickleFile;
import org.popstream.inference.model.PickledObject;
import org.popstream.inference.model.TorchArchive;

/**
 * The pop-cosmos stellar-mass emulator: fraction of the formed stellar mass still present, from
 * the 16 raw population parameters {@code [N, log10Z, logsfr_ratio1..6, dust2, dust_index,
 * dust1_fraction, lnfagn, lnagntau, gaslog10Z, gaslog10U, z]} (dust2 itself, not its root).
 * A tanh MLP ({@code Linear, Tanh} × 3, nn.Linear convention y = x·Wᵀ + b) after normalising with
 * the shift and scale of the companion pickle. Evaluated in double; immutable, thread-safe.
 */
public final class StellarMassEmulator {

    public static final int INPUTS = 16;

    private final double[] shift;
    private final double[] scale;
    private final List<double[][]> weights; // each [out][in]
    private final List<double[]> biases;

    private StellarMassEmulator(double[] shift, double[] scale, List<double[][]> weights, List<double[]> biases) {
        this.shift = shift;
        this.scale = scale;
        this.weights = weights;
        this.biases = biases;
    }

    public static StellarMassEmulator read(ModelDirectory models) {
        return read(models.stellarMassEmulator(), models.stellarMassShiftScale());
    }

    public static StellarMassEmulator read(Path network, Path shiftScale) {
        PickledObject sequential = TorchArchive.loadModule(network);
        if (!(sequential.state().get("_modules") instanceof Map<?, ?> modules)) {
            throw new ModelFileException(network, "expected a torch Sequential, found " + sequential.className());
        }
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int expectedIn = INPUTS;
        boolean expectLinear = true;
        for (Object m : modules.values()) {
            PickledObject module = (PickledObject) m;
            String kind = module.simpleClassName();
            if (expectLinear && kind.equals("Linear")) {
                ModelTensor w = module.tensor("weight");
                if (w.rank() != 2 || w.dim(1) != expectedIn) {
                    throw new ModelFileException(network, "Linear layer " + weights.size() + " weight " + w
                            + " does not take " + expectedIn + " inputs");
                }
                weights.add(w.matrix());
                biases.add(module.tensor("bias").requireShape(network, "bias " + biases.size(), w.dim(0)).values());
                expectedIn = w.dim(0);
            } else if (!expectLinear && kind.equals("Tanh")) {
                // activation follows every Linear
            } else {
                throw new ModelFileException(network, "unexpected module " + module.className()
                        + " (expected alternating Linear and Tanh)");
            }
            expectLinear = !expectLinear;
        }
        if (weights.isEmpty() || expectedIn != 1 || !expectLinear) {
            throw new ModelFileException(network, "expected Linear/Tanh pairs ending in one output");
        }
        Object pair = PickleFile.load(shiftScale);
        if (!(pair instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof ModelTensor s) || !(list.get(1) instanceof ModelTensor c)) {
            throw new ModelFileException(shiftScale, "expected a (shift, scale) tuple of arrays, found " + pair);
        }
        s.requireShape(shiftScale, "shift", INPUTS);
        c.requireShape(shiftScale, "scale", INPUTS);
        return new StellarMassEmulator(s.values(), c.values(), List.copyOf(weights), List.copyOf(biases));
    }

    /** Remaining mass fraction M* / M_formed for one 16-parameter vector. */
    public double massRemainingFraction(double[] theta) {
        if (theta.length != INPUTS) {
            throw new IllegalArgumentException("need " + INPUTS + " parameters, got " + theta.length);
        }
        double[] x = new double[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            x[i] = (theta[i] - shift[i]) / scale[i];
        }
        for (int l = 0; l < weights.size(); l++) {
            double[][] w = weights.get(l);
            double[] b = biases.get(l);
            double[] y = new double[w.length];
            for (int o = 0; o < w.length; o++) {
                double sum = 0.0;
                for (int i = 0; i < x.length; i++) {
                    sum += x[i] * w[o][i];
                }
                y[o] = Math.tanh(sum + b[o]);
            }
            x = y;
        }
        return x[0];
    }
}
