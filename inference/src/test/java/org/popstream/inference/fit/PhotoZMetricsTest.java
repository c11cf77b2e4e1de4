package org.popstream.inference.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.sampler.SamplerSettings;
import org.popstream.inference.summary.PhotoZMetrics;

/** Photo-z of real COSMOS2020 galaxies (z_spec ≥ 2.5, all 26 bands) against their spectroscopic redshifts. */
class PhotoZMetricsTest {

    @Test
    void metricsAreDefinedAsInTheSpec() {
        PhotoZMetrics m = PhotoZMetrics.of(new double[] {1.1, 2.0, 3.0, 0.5}, new double[] {1.0, 2.0, 2.5, 1.0});
        // Δ = 0.05, 0, 0.142857, −0.25
        assertEquals((0.0 + 0.05) / 2, m.bias(), 1e-12);
        assertEquals(1.48 * (0.05 + 0.1428571428571) / 2, m.sigmaNmad(), 1e-9);
        assertEquals(0.25, m.outlierFraction(), 1e-12);
    }

    @Test
    void cosmosSubsetReachesSanePhotoZQuality() throws IOException {
        List<GalaxyPhotometry> galaxies = CosmosSpeczSample.read(CosmosBands.ALL.stream().map(b -> b.name()).toList(), 83, 32);
        FitterFixture f = FitterFixture.load(CosmosBands.ALL);
        List<PosteriorResult> results;
        try (EnsembleGalaxyFitter fitter = f.fitter(new SamplerSettings(32, 200, 100, 5, 10, false, 50),
                new InitialisationSettings(8192, 3, true, 150), 3)) {
            results = fitter.fit(galaxies);
        }
        double[] zPhot = results.stream().mapToDouble(r -> r.quantities().get(0).p50()).toArray();
        double[] zSpec = galaxies.stream().mapToDouble(g -> Double.parseDouble(g.attributes().get("spec_z"))).toArray();
        PhotoZMetrics m = PhotoZMetrics.of(zPhot, zSpec);
        String report = String.format("photo-z on %d COSMOS2020 galaxies: bias %.4f, sigma_NMAD %.4f, outliers %.3f",
                m.count(), m.bias(), m.sigmaNmad(), m.outlierFraction());
        System.out.println(report);
        assertTrue(Math.abs(m.bias()) < 0.05, report);
        assertTrue(m.sigmaNmad() < 0.10, report);
        assertTrue(m.outlierFraction() < 0.30, report);
    }
}
