package org.popstream.inference.emission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Per-line calibration of the emission-line term (science.md §2–3), in {@link EmissionLines#SELECTED}
 * order: fractional strength offsets o_l and fractional strength uncertainties e_l. Upstream
 * ({@code CatalogueGenerator.forward}) uses them as
 * <pre>
 *   model flux      f_b + Σ_l o_l · c_{b,l}
 *   line error      σ_EM,b = Σ_l e_l · (1 + o_l) · c_{b,l}      (summed linearly over lines, then squared into the variance)
 * </pre>
 * with e_l = exp(ln_emline_scatters); {@code EMLINEERRORS_LEISTEDT23} are those e_l themselves (fractional
 * standard deviations, most at the fit's floor of about 1e-13, [O III] 5007 at 2.6 %).
 *
 * @param offsets o_l (44)
 * @param errors  e_l ≥ 0 (44)
 */
public record EmissionLineTable(double[] offsets, double[] errors) {

    /** The built-in upstream constants, in this class's file format. */
    static final String LEISTEDT23_RESOURCE = "leistedt23-emission-lines.csv";

    public EmissionLineTable {
        if (offsets.length != EmissionLines.COUNT || errors.length != EmissionLines.COUNT) {
            throw new IllegalArgumentException("need " + EmissionLines.COUNT + " offsets and errors, got "
                    + offsets.length + " and " + errors.length);
        }
        for (int l = 0; l < offsets.length; l++) {
            if (!Double.isFinite(offsets[l]) || !(errors[l] >= 0) || !Double.isFinite(errors[l])) {
                throw new IllegalArgumentException(EmissionLines.SELECTED.get(l) + ": offset must be finite and error "
                        + "finite and >= 0, got " + offsets[l] + ", " + errors[l]);
            }
        }
        offsets = offsets.clone();
        errors = errors.clone();
    }

    /** All offsets and errors zero: the term is evaluated but changes nothing. */
    public static EmissionLineTable zeros() {
        return new EmissionLineTable(new double[EmissionLines.COUNT], new double[EmissionLines.COUNT]);
    }

    /** {@code EMLINEOFFSETS_LEISTEDT23} / {@code EMLINEERRORS_LEISTEDT23} (shared/docs/calibration-constants.md). */
    public static EmissionLineTable leistedt23() {
        try (InputStream in = EmissionLineTable.class.getResourceAsStream(LEISTEDT23_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + LEISTEDT23_RESOURCE + " is missing from the build");
            }
            return EmissionLineTableFile.parse(in, "built-in " + LEISTEDT23_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in " + LEISTEDT23_RESOURCE, e);
        }
    }

    @Override
    public double[] offsets() {
        return offsets.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    /** Weights of the per-band line error: e_l · (1 + o_l). */
    public double[] errorWeights() {
        double[] w = new double[offsets.length];
        for (int l = 0; l < w.length; l++) {
            w[l] = errors[l] * (1 + offsets[l]);
        }
        return w;
    }
}
