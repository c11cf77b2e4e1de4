package org.popstream.inference.emission;

import java.util.List;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.testing.GoldenCsv;

/**
 * The golden per-band, per-line contributions ({@code emline_band_contributions*.csv}, upstream's float32
 * {@code EmLineEmulator.forward}) and how far a float32 evaluation may lie from the exact value.
 *
 * <p>Error model, per entry, relative: the line strength 10^(−0.4 logspec) carries 0.4 ln 10 · δm from a
 * log-spectrum error δm; the factors 10^(−0.4 N), λ and the unit constant a few roundings each, the
 * exponential amplifying absolute exponent errors (0.4 ln 10 (|N| + |logspec|) ulps); the bandpass exponent
 * E = |(λ − loc)/σ|^β carries β·E·(λ + |loc|)/|λ − loc| ulps from rounding λ and the subtraction, which
 * exp(−E) turns into a relative error (weighted by each component's share of T). Below float32's
 * smallest normal number (2⁻¹²⁶) results have no relative precision, hence that absolute slack.
 */
final class EmissionLineGolden {

    static final double FLOAT32_ULP = Math.pow(2, -24);
    static final double SMALLEST_NORMAL_FLOAT32 = Math.pow(2, -126);
    /** Safety factor on the counted roundings. */
    static final double ROUNDINGS = 8;

    final double[][] inputs;
    /** [row][band][line] nanomaggies. */
    final double[][][] contributions;
    final int[] lineIndexInElams;
    final double[] lineLambda;

    private EmissionLineGolden(double[][] inputs, double[][][] contributions, int[] lineIndexInElams, double[] lineLambda) {
        this.inputs = inputs;
        this.contributions = contributions;
        this.lineIndexInElams = lineIndexInElams;
        this.lineLambda = lineLambda;
    }

    static EmissionLineGolden read() {
        GoldenCsv in = GoldenCsv.read("emline_band_contributions_inputs.csv");
        double[][] inputs = new double[in.rows()][];
        for (int r = 0; r < in.rows(); r++) {
            if ((int) in.value(r, "row") != r) {
                throw new IllegalStateException("inputs row " + r + " is labelled " + in.text(r, "row"));
            }
            inputs[r] = in.values(r, EmissionLineNetwork.INPUT_NAMES);
        }
        GoldenCsv c = GoldenCsv.read("emline_band_contributions.csv");
        List<Band> bands = CosmosBands.ALL;
        double[][][] values = new double[inputs.length][bands.size()][EmissionLines.COUNT];
        boolean[][][] seen = new boolean[inputs.length][bands.size()][EmissionLines.COUNT];
        int[] elams = new int[EmissionLines.COUNT];
        double[] lambda = new double[EmissionLines.COUNT];
        for (int i = 0; i < c.rows(); i++) {
            int r = (int) c.value(i, "row");
            int b = CosmosBands.byName(c.text(i, "band")).index();
            int l = (int) c.value(i, "line");
            values[r][b][l] = c.value(i, "flux_nanomaggies");
            seen[r][b][l] = true;
            elams[l] = (int) c.value(i, "line_index_in_elams");
            lambda[l] = c.value(i, "line_lambda_rest_AA");
        }
        for (boolean[][] row : seen) {
            for (boolean[] band : row) {
                for (boolean s : band) {
                    if (!s) {
                        throw new IllegalStateException("golden contributions do not cover every row × band × line");
                    }
                }
            }
        }
        return new EmissionLineGolden(inputs, values, elams, lambda);
    }

    /**
     * Largest |actual − golden| allowed for one entry when both sides are float32 evaluations.
     *
     * @param logSpectrumError δm: the two sides' combined log-spectrum tolerance (mag)
     * @param evaluations      float32 evaluations compared (1: double path vs torch, 2: TF vs torch)
     */
    static double allowedError(double golden, double[] inputs, double logSpectrum, double restLambda,
                               BandpassModel bandpass, double logSpectrumError, int evaluations) {
        double observed = (1 + inputs[EmissionLineNetwork.REDSHIFT]) * restLambda;
        double k = 0.4 * Math.log(10);
        double total = 0;
        double conditioned = 0;
        for (int i = 0; i < BandpassModel.COMPONENTS; i++) {
            double u = Math.abs((observed - bandpass.centres()[i]) / bandpass.widths()[i]);
            double e = Math.pow(u, bandpass.shapes()[i]);
            double share = Math.exp(bandpass.logPrefactor(i) - e);
            total += share;
            conditioned += share * bandpass.shapes()[i] * e
                    * (observed + Math.abs(bandpass.centres()[i])) / Math.abs(observed - bandpass.centres()[i]);
        }
        if (!(total > 0)) {
            return SMALLEST_NORMAL_FLOAT32; // both components underflow even in double: golden is 0
        }
        double ulps = 4 + k * (Math.abs(inputs[EmissionLineNetwork.NORMALISATION]) + Math.abs(logSpectrum))
                + conditioned / total;
        double relative = k * logSpectrumError + evaluations * ROUNDINGS * FLOAT32_ULP * ulps;
        return relative * Math.abs(golden) + SMALLEST_NORMAL_FLOAT32;
    }
}
