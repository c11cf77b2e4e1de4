package org.popstream.inference.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.likelihood.ObservedPhotometry;
import org.popstream.inference.likelihood.StudentT2;
import org.popstream.inference.likelihood.StudentTLikelihood;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.sampler.TargetGraph;
import org.popstream.inference.tensor.FlatTensors;
import org.popstream.testing.SharedPaths;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class PhotometricPosteriorTest {

    /** The float32 TF posterior agrees with prior + Student-t terms over the double-precision emulator. */
    @Test
    void tensorFlowLogPosteriorMatchesDoublePrecisionReference() {
        var bands = CosmosBands.parse("u_megaprime_sagem,hsc_g,hsc_i,uvista_ks_cosmos,irac1_cosmos");
        PhotometryModel model = PhotometryModel.load(new ModelDirectory(SharedPaths.models()), bands);
        AnalyticPrior prior = new AnalyticPrior();
        PhotometricPosterior posterior = new PhotometricPosterior(prior, model,
                new StudentTLikelihood(LikelihoodCalibration.none(bands.size())));
        SplittableRandom random = new SplittableRandom(8);
        double[][] truth = {prior.sample(random), prior.sample(random)};
        double[][] flux = model.fluxNanomaggies(truth);
        // galaxy 0: all detections at 10 % errors; galaxy 1: one missing band, one upper limit, one negative flux
        List<GalaxyPhotometry> galaxies = List.of(
                galaxy("a", bands.stream().map(b -> GalaxyPhotometry.BandFlux.detection(b.name(),
                        flux[0][bands.indexOf(b)] * 1.05, 0.1 * flux[0][bands.indexOf(b)])).toList()),
                galaxy("b", List.of(
                        GalaxyPhotometry.BandFlux.detection("u_megaprime_sagem", -0.3 * flux[1][0], 0.5 * flux[1][0]),
                        GalaxyPhotometry.BandFlux.upperLimit("hsc_g", 0.5 * flux[1][1], 0.3 * flux[1][1]),
                        GalaxyPhotometry.BandFlux.detection("uvista_ks_cosmos", flux[1][3], 0.2 * flux[1][3]),
                        GalaxyPhotometry.BandFlux.detection("irac1_cosmos", flux[1][4] * 0.9, 0.2 * flux[1][4]))));
        ObservedPhotometry obs = ObservedPhotometry.of(galaxies, model.bandNames());
        int m = 6;
        double[][][] points = new double[m][2][];
        float[] flat = new float[m * 2 * 16];
        for (int k = 0; k < m; k++) {
            for (int g = 0; g < 2; g++) {
                points[k][g] = k == 0 ? truth[g] : prior.sample(random);
                for (int d = 0; d < 16; d++) {
                    flat[(k * 2 + g) * 16 + d] = (float) points[k][g][d];
                }
            }
        }
        float[] lp;
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            TargetGraph<ObservedPhotometry> target = posterior.build(tf, 2);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(m, 2, 16)));
            var out = target.logProbability(x);
            try (Session s = new Session(graph); TFloat32 in = FlatTensors.of(flat, m, 2, 16)) {
                target.bind(s, obs);
                try (Result r = s.runner().feed(x, in).fetch(out).run()) {
                    lp = FlatTensors.read(r.get(0));
                }
            }
        }
        for (int k = 0; k < m; k++) {
            for (int g = 0; g < 2; g++) {
                double[] mu = model.fluxNanomaggies(new double[][] {points[k][g]})[0];
                double expected = prior.logDensity(points[k][g]);
                for (var f : galaxies.get(g).bands()) {
                    int b = model.bandNames().indexOf(f.band());
                    expected += f.isUpperLimit()
                            ? StudentT2.logCdf((f.upperLimit() - mu[b]) / f.error())
                            : StudentT2.logDensity(f.flux(), mu[b], f.error());
                }
                // float32 emulator: ~1e-3 mag → ~1e-3 relative flux; the χ-like terms scale with S/N
                assertEquals(expected, lp[k * 2 + g], 0.02 * Math.max(1, Math.abs(expected)), "point " + k + " galaxy " + g);
            }
        }
    }

    private static GalaxyPhotometry galaxy(String id, List<GalaxyPhotometry.BandFlux> bands) {
        return new GalaxyPhotometry(id, bands, Map.of());
    }
}
