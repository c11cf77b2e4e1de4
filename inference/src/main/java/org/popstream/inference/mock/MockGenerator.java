package org.popstream.inference.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.prior.Prior;

/**
 * Galaxies drawn from the prior, through the emulator (double precision), with noise at real survey
 * depths: each mock takes the error vector of a random catalogue row ({@link CatalogueDepths}), so
 * the S/N distribution, missing bands and band-to-band depth ratios are those of the survey. Bands
 * the row lacks stay missing. Fluxes are f_true + σ·ε, ε from {@link NoiseDistribution}.
 */
public final class MockGenerator {

    private final Prior prior;
    private final PhotometryModel model;
    private final CatalogueDepths depths;
    private final NoiseDistribution noise;

    public MockGenerator(Prior prior, PhotometryModel model, CatalogueDepths depths, NoiseDistribution noise) {
        if (!depths.bands().equals(model.bandNames())) {
            throw new IllegalArgumentException("depths cover " + depths.bands() + ", model " + model.bandNames());
        }
        this.prior = prior;
        this.model = model;
        this.depths = depths;
        this.noise = noise;
    }

    public List<MockGalaxy> generate(int n, long seed, String idPrefix) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] truth = new double[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = prior.sample(random);
        }
        double[][] flux = model.fluxNanomaggies(truth);
        List<String> bands = model.bandNames();
        List<MockGalaxy> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] errors = depths.rows().get(random.nextInt(depths.rows().size()));
            List<GalaxyPhotometry.BandFlux> measured = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                if (Double.isFinite(errors[b])) {
                    double observed = flux[i][b] + errors[b] * noise.draw(random);
                    measured.add(GalaxyPhotometry.BandFlux.detection(bands.get(b), observed, errors[b]));
                }
            }
            String id = idPrefix + i;
            out.add(new MockGalaxy(new GalaxyPhotometry(id, measured,
                    Map.of("spec_z", Double.toString(truth[i][ParameterSpace.REDSHIFT]))), truth[i]));
        }
        return out;
    }
}
