package org.popstream.inference.emission;

import java.util.List;
import org.popstream.inference.model.Band;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The emission-line term of science.md §2–3 for a set of bands: the line contributions c_{b,l}(θ) of
 * {@link EmissionLineModel} weighted by a calibration {@link EmissionLineTable},
 * <pre>
 *   Δf_b(θ)  = Σ_l o_l · c_{b,l}(θ)               added to the model flux (before zero points)
 *   σ_EM,b(θ) = Σ_l e_l · (1 + o_l) · c_{b,l}(θ)  whose square adds to the likelihood variance
 * </pre>
 * Both scale with the formed mass like the flux itself.
 */
public final class EmissionLineCorrection {

    private final EmissionLineModel model;
    private final EmissionLineTable table;

    public EmissionLineCorrection(EmissionLineModel model, EmissionLineTable table) {
        this.model = model;
        this.table = table;
    }

    public EmissionLineModel model() {
        return model;
    }

    public EmissionLineTable table() {
        return table;
    }

    public List<Band> bands() {
        return model.bands();
    }

    /** The two per-band terms, each [n, bands] nanomaggies. */
    public record Terms<T>(T fluxOffset, T sigma) {}

    /**
     * Adds the term to {@code tf}'s graph.
     *
     * @param inputs [n, 16] emission-line network inputs ({@link EmissionLineNetwork#INPUT_NAMES})
     */
    public Terms<Operand<TFloat32>> terms(Ops tf, Operand<TFloat32> inputs) {
        List<Operand<TFloat32>> sums = new EmissionLineGraph(model).weightedSums(tf, inputs,
                List.of(table.offsets(), table.errorWeights()));
        return new Terms<>(sums.get(0), sums.get(1));
    }

    /** The same in double precision for rows of 16 network inputs: each [n][bands]. */
    public Terms<double[][]> terms(double[][] inputs) {
        JavaEmissionLineEmulator emulator = new JavaEmissionLineEmulator(model);
        double[] offsets = table.offsets();
        double[] errorWeights = table.errorWeights();
        int bands = model.bandpasses().size();
        double[][] offset = new double[inputs.length][bands];
        double[][] sigma = new double[inputs.length][bands];
        for (int i = 0; i < inputs.length; i++) {
            double[][] c = emulator.contributions(inputs[i]);
            for (int b = 0; b < bands; b++) {
                for (int l = 0; l < EmissionLines.COUNT; l++) {
                    offset[i][b] += offsets[l] * c[b][l];
                    sigma[i][b] += errorWeights[l] * c[b][l];
                }
            }
        }
        return new Terms<>(offset, sigma);
    }
}
