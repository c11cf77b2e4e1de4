package org.popstream.inference.emission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;

/**
 * What places the 44 corrected emission lines in the photometric bands (science.md §2): the
 * emission-line Speculator for their strengths and one bandpass model per band. A line l of strength
 * L_l (L☉ per M☉ formed, {@code 10^(−0.4 logspec)}) at observed wavelength λ = (1 + z)·λ_l adds to
 * band b, in nanomaggies,
 * <pre>
 *   c_{b,l}(θ) = T_b(λ) · λ · 10^(9 − 0.4 N) · {@value #FLUX_UNIT} · L_l
 * </pre>
 * as upstream's {@code EmLineEmulator.forward} (the constant converts to nanomaggies, upstream's "to_cgs
 * normalization").
 *
 * @param lineIndices for each of {@link EmissionLines#SELECTED}, its column in the network's 128 outputs
 * @param bandpasses  one per band, in band order
 */
public record EmissionLineModel(EmissionLineNetwork network, int[] lineIndices, List<BandpassModel> bandpasses) {

    /** Upstream's unit constant of the line contributions. */
    public static final double FLUX_UNIT = 3.2143882024295685e-07;

    public EmissionLineModel {
        if (lineIndices.length != EmissionLines.COUNT) {
            throw new IllegalArgumentException("need " + EmissionLines.COUNT + " line indices, got " + lineIndices.length);
        }
        lineIndices = lineIndices.clone();
        bandpasses = List.copyOf(bandpasses);
    }

    /**
     * Loads the emulator and the bandpass models of {@code bands}; refuses, naming the file, a missing or
     * malformed file and a band without a bandpass model.
     */
    public static EmissionLineModel load(ModelDirectory models, List<Band> bands) {
        EmissionLineNetwork network = EmissionLineNetwork.read(models);
        int[] indices = EmissionLines.indicesIn(network.wavelengths(), models.emissionLineWavelengths());
        List<BandpassModel> bandpasses = new ArrayList<>();
        for (Band band : bands) {
            bandpasses.add(BandpassModel.read(models, band));
        }
        return new EmissionLineModel(network, indices, bandpasses);
    }

    /** The model files {@link #load} reads for these bands (for checksums and version strings). */
    public static List<Path> files(ModelDirectory models, List<Band> bands) {
        List<Path> files = new ArrayList<>(List.of(models.emissionLineNetwork(), models.emissionLinePcaBasis(),
                models.emissionLineWavelengths()));
        for (Band band : bands) {
            files.add(models.bandpassModel(band));
        }
        return files;
    }

    public List<Band> bands() {
        return bandpasses.stream().map(BandpassModel::band).toList();
    }

    @Override
    public int[] lineIndices() {
        return lineIndices.clone();
    }
}
