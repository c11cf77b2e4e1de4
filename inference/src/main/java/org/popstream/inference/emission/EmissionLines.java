package org.popstream.inference.emission;

import java.nio.file.Path;
import java.util.List;
import org.popstream.inference.model.ModelFileException;

/**
 * The 44 emission lines pop-cosmos corrects, in upstream's order: its hard-coded list of 59 lines
 * ({@code pop_cosmos.emlines.load_lines_model}) kept where 1000 Å < λ < 10000 Å. The calibration
 * arrays ({@code EMLINEOFFSETS_LEISTEDT23}, {@code EMLINEERRORS_LEISTEDT23}) pair with this order by
 * position (shared/docs/calibration-constants.md).
 */
public final class EmissionLines {

    /** Upstream matches a listed line to an emulated one only when their squared difference is at most 1 Å². */
    static final double MAX_SQUARED_OFFSET = 1.0;

    public static final List<EmissionLine> SELECTED = List.of(
            new EmissionLine("C II] 2326", 2326.11),
            new EmissionLine("[O III] 2321", 2321.664),
            new EmissionLine("[O I] 6302", 6302.046),
            new EmissionLine("[S II] 4070", 4069.75),
            new EmissionLine("H I (Ly-alpha)", 1215.6701),
            new EmissionLine("[Al II] 2670", 2669.951),
            new EmissionLine("[Ar III] 7753", 7753.19),
            new EmissionLine("H I (Pa-7)", 9017.8),
            new EmissionLine("[Al II] 2660", 2661.146),
            new EmissionLine("[S III] 6314", 6313.81),
            new EmissionLine("H I (Pa-6)", 9232.2),
            new EmissionLine("[S III] 3723", 3722.75),
            new EmissionLine("Mg II 2800", 2803.53),
            new EmissionLine("H I (Pa-5)", 9548.8),
            new EmissionLine("He I 7065", 7067.138),
            new EmissionLine("[N II] 6549", 6549.86),
            new EmissionLine("[S II] 6732", 6732.673),
            new EmissionLine("C III]", 1908.73),
            new EmissionLine("He I 6680", 6679.995),
            new EmissionLine("Mg II 2800", 2796.352),
            new EmissionLine("[S II] 6717", 6718.294),
            new EmissionLine("[Ar III] 7138", 7137.77),
            new EmissionLine("[C III]", 1906.68),
            new EmissionLine("He I 4472", 4472.735),
            new EmissionLine("[O III] 4364", 4364.435),
            new EmissionLine("[N II] 6585", 6585.27),
            new EmissionLine("[S III] 9071", 9071.1),
            new EmissionLine("H-8 3798", 3798.987),
            new EmissionLine("He I 3889", 3889.75),
            new EmissionLine("H-7 3835", 3836.485),
            new EmissionLine("[Ne III] 3968", 3968.59),
            new EmissionLine("He I 5877", 5877.249),
            new EmissionLine("H-6 3889", 3890.166),
            new EmissionLine("[S III] 9533", 9533.2),
            new EmissionLine("H-5 3970", 3971.198),
            new EmissionLine("[O II] 3726", 3727.1),
            new EmissionLine("H-delta 4102", 4102.892),
            new EmissionLine("[O II] 3729", 3729.86),
            new EmissionLine("[Ne III] 3870", 3869.86),
            new EmissionLine("H-gamma 4340", 4341.692),
            new EmissionLine("[O III] 4960", 4960.295),
            new EmissionLine("H-beta 4861", 4862.71),
            new EmissionLine("H-alpha 6563", 6564.6),
            new EmissionLine("[O III] 5007", 5008.24));

    public static final int COUNT = 44;

    private EmissionLines() {}

    /**
     * Where each selected line sits among the emulator's 128 wavelengths: the nearest one, as upstream
     * picks it. Refuses (naming {@code file}) a line with no emulated wavelength within 1 Å, which
     * upstream only prints a warning about.
     */
    public static int[] indicesIn(double[] emulatedWavelengths, Path file) {
        int[] indices = new int[SELECTED.size()];
        for (int l = 0; l < indices.length; l++) {
            double lambda = SELECTED.get(l).restWavelength();
            int best = -1;
            double bestSquared = Double.POSITIVE_INFINITY;
            for (int i = 0; i < emulatedWavelengths.length; i++) {
                double d = lambda - emulatedWavelengths[i];
                if (d * d < bestSquared) {
                    bestSquared = d * d;
                    best = i;
                }
            }
            if (!(bestSquared <= MAX_SQUARED_OFFSET)) {
                throw new ModelFileException(file, "no emulated line within 1 Å of " + SELECTED.get(l)
                        + (best < 0 ? "" : "; nearest is " + emulatedWavelengths[best] + " Å"));
            }
            indices[l] = best;
        }
        return indices;
    }
}
