package org.popstream.inference.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of one pop-cosmos photometry emulator ({@code speculator.speculator.Photulator}), in
 * double (the stored float32 values, widened exactly).
 *
 * @param band            the band this network emulates
 * @param parameterShift  input shift (15)
 * @param parameterScale  input scale (15)
 * @param magnitudeShift  output shift
 * @param magnitudeScale  output scale
 * @param fluxSoftening   asinh-magnitude softening f_b in nanomaggies
 * @param layers          the five layers, input to output
 */
public record PhotulatorWeights(
        Band band,
        double[] parameterShift,
        double[] parameterScale,
        double magnitudeShift,
        double magnitudeScale,
        double fluxSoftening,
        List<Layer> layers) {

    public static final int INPUTS = 15;
    public static final int HIDDEN = 128;
    public static final int LAYERS = 5;

    /**
     * One layer {@code h = x·W + b; x = (β + (1 − β)·sigmoid(α·h))·h}.
     *
     * @param weight [inputs][outputs] (x·W convention, as stored)
     */
    public record Layer(double[][] weight, double[] bias, double[] alpha, double[] beta) {
        public int inputs() {
            return weight.length;
        }

        public int outputs() {
            return bias.length;
        }
    }

    public PhotulatorWeights {
        layers = List.copyOf(layers);
    }

    /** Reads and checks a {@code model_4x128_alsing20_<band>_cpu.pt} file. */
    public static PhotulatorWeights read(Path file, Band band) {
        PickledObject module = TorchArchive.loadModule(file);
        if (!module.simpleClassName().equals("Photulator")) {
            throw new ModelFileException(file, "expected a Photulator, found " + module.className());
        }
        Object filters = module.attribute("filters").orElse(null);
        if (!(filters instanceof List<?> list) || list.size() != 1 || !band.name().equals(list.get(0))) {
            throw new ModelFileException(file, "emulates bands " + filters + ", expected [" + band.name() + "]");
        }
        List<Layer> layers = new ArrayList<>();
        try {
            for (int i = 0; i < LAYERS; i++) {
                int in = i == 0 ? INPUTS : HIDDEN;
                int out = i == LAYERS - 1 ? 1 : HIDDEN;
                layers.add(new Layer(
                        module.tensor("W." + i).requireShape(file, "W." + i, in, out).matrix(),
                        module.tensor("b." + i).requireShape(file, "b." + i, out).values(),
                        module.tensor("alphas." + i).requireShape(file, "alphas." + i, out).values(),
                        module.tensor("betas." + i).requireShape(file, "betas." + i, out).values()));
            }
            return new PhotulatorWeights(
                    band,
                    module.tensor("parameters_shift").requireShape(file, "parameters_shift", INPUTS).values(),
                    module.tensor("parameters_scale").requireShape(file, "parameters_scale", INPUTS).values(),
                    module.tensor("magnitudes_shift").scalar(),
                    module.tensor("magnitudes_scale").scalar(),
                    module.tensor("f_b").scalar(),
                    layers);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    /** Reads the emulators of the given bands from a model directory. */
    public static List<PhotulatorWeights> read(ModelDirectory models, List<Band> bands) {
        List<PhotulatorWeights> all = new ArrayList<>();
        for (Band band : bands) {
            all.add(read(models.photulator(band), band));
        }
        return List.copyOf(all);
    }
}
