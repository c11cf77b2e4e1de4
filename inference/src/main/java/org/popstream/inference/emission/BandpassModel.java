package org.popstream.inference.emission;

import java.nio.file.Path;
import org.hipparchus.special.Gamma;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.model.ModelTensor;
import org.popstream.inference.model.NumpyFile;

/**
 * A band's transmission as upstream approximates it for emission lines: a mixture of generalised
 * normal densities, {@code T(λ) = Σ_i amp_i · β_i / (2 σ_i Γ(1/β_i)) · exp(−|(λ − loc_i)/σ_i|^β_i)}.
 * The file holds {@code [amp…, σ…, β…, loc…]} as float64; upstream casts them to float32 before use,
 * and so do we (the fields hold those float32 values), so both paths see upstream's numbers.
 *
 * @param band       the band
 * @param amplitudes {@code amp_i}
 * @param widths     {@code σ_i} (Å)
 * @param shapes     {@code β_i}
 * @param centres    {@code loc_i} (Å)
 */
public record BandpassModel(Band band, double[] amplitudes, double[] widths, double[] shapes, double[] centres) {

    /** Components per band in the published files. */
    public static final int COMPONENTS = 2;

    public BandpassModel {
        amplitudes = amplitudes.clone();
        widths = widths.clone();
        shapes = shapes.clone();
        centres = centres.clone();
    }

    /** Reads {@code line_gengmmcoeffs_<band>.npy}; a missing file means the band has no bandpass model. */
    public static BandpassModel read(ModelDirectory models, Band band) {
        Path file = models.bandpassModel(band);
        ModelTensor t;
        try {
            t = NumpyFile.read(file);
        } catch (ModelFileException e) {
            throw new ModelFileException(file, "no usable bandpass model for band " + band.name()
                    + " (emission lines cannot be placed in it): " + e.getMessage(), e);
        }
        t.requireShape(file, "bandpass coefficients", 4 * COMPONENTS);
        double[] v = t.values();
        double[][] parts = new double[4][COMPONENTS];
        for (int p = 0; p < 4; p++) {
            for (int i = 0; i < COMPONENTS; i++) {
                double value = (float) v[p * COMPONENTS + i];
                if (!Double.isFinite(value) || (p < 3 && !(value > 0))) {
                    throw new ModelFileException(file, "coefficient " + (p * COMPONENTS + i) + " is " + value
                            + " (amplitudes, widths and shapes must be positive and finite)");
                }
                parts[p][i] = value;
            }
        }
        return new BandpassModel(band, parts[0], parts[1], parts[2], parts[3]);
    }

    /** ln(amp_i · β_i / (2 σ_i Γ(1/β_i))): the constant in front of component i's exponential. */
    public double logPrefactor(int i) {
        return Math.log(amplitudes[i] * shapes[i] / (2 * widths[i])) - Gamma.logGamma(1 / shapes[i]);
    }

    /** T(λ) in double precision. */
    public double transmission(double wavelength) {
        double sum = 0;
        for (int i = 0; i < COMPONENTS; i++) {
            double u = Math.abs((wavelength - centres[i]) / widths[i]);
            sum += Math.exp(logPrefactor(i) - Math.pow(u, shapes[i]));
        }
        return sum;
    }
}
