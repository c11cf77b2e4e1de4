package org.popstream.inference.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.tensor.GraphRunner;
import org.popstream.testing.SharedPaths;

/**
 * With {@code leistedt23} on, the model flux of a golden parameter row moves by Σ_l offset_l · c_{b,l} with
 * c the golden (upstream) contributions, and the line error is Σ_l e_l (1 + o_l) c_{b,l}: through the whole
 * sampler-space path (log10 M_formed, dust2, z → N and the network inputs).
 */
class ModelFluxShiftGoldenTest {

    /** The float32 distance modulus is good to a few 1e-6 mag (DistanceModulusTable); N inherits it. */
    static final double FLOAT32_DISTANCE_MODULUS_MAG = 1e-5;

    private static EmissionLineGolden golden;
    private static PhotometryModel off;
    private static PhotometryModel on;
    private static EmissionLineTable table;
    private static double[][] theta;

    @BeforeAll
    static void load() {
        ModelDirectory models = new ModelDirectory(SharedPaths.models());
        golden = EmissionLineGolden.read();
        off = PhotometryModel.load(models, CosmosBands.ALL, EmissionLineSetting.NONE);
        on = PhotometryModel.load(models, CosmosBands.ALL, EmissionLineSetting.parse("leistedt23"));
        table = EmissionLineTable.leistedt23();
        theta = new double[golden.inputs.length][];
        for (int r = 0; r < theta.length; r++) {
            theta[r] = samplerPoint(golden.inputs[r], off);
        }
    }

    /** The sampler-space point whose network inputs are the golden row: log10 M from N and distmod(z), dust2 = sqrt². */
    private static double[] samplerPoint(double[] inputs, PhotometryModel model) {
        double[] t = new double[ParameterSpace.DIMENSION];
        double z = inputs[EmissionLineNetwork.REDSHIFT];
        t[ParameterSpace.LOG10_MASS] = (model.distances().distanceModulus(z) - inputs[EmissionLineNetwork.NORMALISATION]) / 2.5;
        for (int d = 1; d < ParameterSpace.DIMENSION; d++) {
            t[d] = inputs[d];
        }
        t[ParameterSpace.DUST2] = inputs[8] * inputs[8];
        return t;
    }

    @Test
    void doublePathShiftsFluxByGoldenContributionsTimesOffsets() {
        double[][] fOff = off.fluxNanomaggies(theta);
        double[][] fOn = on.fluxNanomaggies(theta);
        double[][] sigma = on.emissionLineSigma(theta);
        check(fOff, fOn, sigma, EmissionLineGoldenTest.TORCH_LOG_SPECTRUM_MAG, 1, 0, "double");
    }

    @Test
    void tensorFlowPathShiftsFluxByGoldenContributionsTimesOffsets() {
        int n = theta.length;
        int nb = CosmosBands.ALL.size();
        float[] in = EmissionLineGoldenTest.flat(theta);
        long[] shape = {n, ParameterSpace.DIMENSION};
        float[] fOff = GraphRunner.evaluate(in, shape, (tf, x) -> off.fluxNanomaggies(tf, x));
        float[] both = GraphRunner.evaluate(in, shape, (tf, x) -> {
            PhotometryModel.Prediction p = on.predict(tf, x);
            return tf.stack(java.util.List.of(p.flux(), p.emissionLineSigma()), org.tensorflow.op.core.Stack.axis(0L));
        });
        double[][] off32 = new double[n][nb];
        double[][] on32 = new double[n][nb];
        double[][] sigma32 = new double[n][nb];
        for (int r = 0; r < n; r++) {
            for (int b = 0; b < nb; b++) {
                off32[r][b] = fOff[r * nb + b];
                on32[r][b] = both[r * nb + b];
                sigma32[r][b] = both[(n + r) * nb + b];
            }
        }
        check(off32, on32, sigma32, EmissionLineGoldenTest.TORCH_LOG_SPECTRUM_MAG + EmissionLineGoldenTest.TF_LOG_SPECTRUM_MAG,
                2, FLOAT32_DISTANCE_MODULUS_MAG, "TF float32");
    }

    private static void check(double[][] fluxOff, double[][] fluxOn, double[][] sigma, double logSpectrumError,
                              int evaluations, double normalisationError, String what) {
        EmissionLineModel model = on.emissionLines().orElseThrow().model();
        JavaEmissionLineEmulator reference = new JavaEmissionLineEmulator(model);
        int[] lineIndices = model.lineIndices();
        double[] offsets = table.offsets();
        double[] errorWeights = table.errorWeights();
        double k = 0.4 * Math.log(10);
        int moved = 0;
        double worstShare = 0;
        double worstRelative = 0;
        for (int r = 0; r < theta.length; r++) {
            double[] logSpectrum = reference.logSpectrum(golden.inputs[r]);
            for (int b = 0; b < CosmosBands.ALL.size(); b++) {
                double shift = 0;
                double lineSigma = 0;
                double allowedShift = 0;
                double allowedSigma = 0;
                for (int l = 0; l < EmissionLines.COUNT; l++) {
                    double g = golden.contributions[r][b][l];
                    double allowed = EmissionLineGolden.allowedError(g, golden.inputs[r], logSpectrum[lineIndices[l]],
                            golden.lineLambda[l], model.bandpasses().get(b),
                            logSpectrumError, evaluations) + k * normalisationError * Math.abs(g);
                    shift += offsets[l] * g;
                    lineSigma += errorWeights[l] * g;
                    allowedShift += Math.abs(offsets[l]) * allowed;
                    allowedSigma += Math.abs(errorWeights[l]) * allowed;
                }
                // the flux difference itself: float32 rounding of each flux (exact photometry on both sides), 44-term sums
                double rounding = evaluations > 1 ? EmissionLineGolden.FLOAT32_ULP * (Math.abs(fluxOn[r][b]) + Math.abs(fluxOff[r][b]))
                        + EmissionLines.COUNT * (EmissionLineGolden.FLOAT32_ULP * Math.abs(shift) + EmissionLineGolden.SMALLEST_NORMAL_FLOAT32)
                        : 1e-15 * Math.abs(fluxOn[r][b]);
                String where = what + " row " + r + " " + CosmosBands.ALL.get(b);
                assertEquals(shift, fluxOn[r][b] - fluxOff[r][b], allowedShift + rounding, where + " flux shift");
                assertEquals(lineSigma, sigma[r][b], allowedSigma + (evaluations > 1
                        ? EmissionLines.COUNT * (EmissionLineGolden.FLOAT32_ULP * lineSigma + EmissionLineGolden.SMALLEST_NORMAL_FLOAT32)
                        : 0), where + " line sigma");
                double error = Math.abs(fluxOn[r][b] - fluxOff[r][b] - shift);
                worstShare = Math.max(worstShare, error / (allowedShift + rounding));
                if (Math.abs(shift) > 1e-3 * Math.abs(fluxOff[r][b])) {
                    worstRelative = Math.max(worstRelative, error / Math.abs(shift));
                }
                moved += Math.abs(shift) > 1e-3 * Math.abs(fluxOff[r][b]) ? 1 : 0;
            }
        }
        System.out.printf("leistedt23 flux shift, %s vs golden contributions x offsets: %d moved fluxes, worst relative %.3g,"
                + " worst %.2f of the allowed error%n", what, moved, worstRelative, worstShare);
        // the comparison has teeth: on these rows, lines move some bands by more than 0.1 %
        assertTrue(moved >= 5, what + ": only " + moved + " row × band fluxes moved by > 0.1 %");
    }
}
