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
 * the row lacks stay missing. Bright sources also get a fractional error floor (default 2 %, the
 * percent-level calibration error real catalogues carry): without it, prior draws of 10¹³ M☉ at
 * low z would reach S/N 10⁶, far beyond both real photometry and the float32 emulator's 10⁻³ mag
 * precision. The catalogue error is σ = √(σ_depth² + (ε f_true)²); fluxes are f_true + σ·ε with
 * ε from {@link NoiseDistribution}.
 *
 * <p>With a model that carries the emission-line term ({@code PhotometryModel.load(…, EmissionLineSetting)},
 * {@code mock --emission-lines}), f_true includes the line offsets Σ_l o_l c_{b,l}, and the noise is drawn with
 * the likelihood's extra line error too, √(σ² + σ_EM²)·ε, while the catalogue reports σ: σ_EM is a model
 * uncertainty, which a fit with the same term adds back itself. Without the term σ_EM = 0 and the mocks are
 * those of before, bit for bit.
 */
public final class MockGenerator {

    private final Prior prior;
    private final PhotometryModel model;
    private final CatalogueDepths depths;
    private final NoiseDistribution noise;
    private final double errorFloor;

    public static final double DEFAULT_ERROR_FLOOR = 0.02;

    public MockGenerator(Prior prior, PhotometryModel model, CatalogueDepths depths, NoiseDistribution noise) {
        this(prior, model, depths, noise, DEFAULT_ERROR_FLOOR);
    }

    public MockGenerator(Prior prior, PhotometryModel model, CatalogueDepths depths, NoiseDistribution noise,
                         double errorFloor) {
        if (!(errorFloor >= 0)) {
            throw new IllegalArgumentException("error floor must be >= 0, got " + errorFloor);
        }
        this.errorFloor = errorFloor;
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
        double[][] lineSigma = model.emissionLineSigma(truth);
        List<String> bands = model.bandNames();
        List<MockGalaxy> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] errors = depths.rows().get(random.nextInt(depths.rows().size()));
            List<GalaxyPhotometry.BandFlux> measured = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                if (Double.isFinite(errors[b])) {
                    double sigma = Math.hypot(errors[b], errorFloor * flux[i][b]);
                    double observed = flux[i][b] + Math.hypot(sigma, lineSigma[i][b]) * noise.draw(random);
                    measured.add(GalaxyPhotometry.BandFlux.detection(bands.get(b), observed, sigma));
                }
            }
            String id = idPrefix + i;
            out.add(new MockGalaxy(new GalaxyPhotometry(id, measured,
                    Map.of("spec_z", Double.toString(truth[i][ParameterSpace.REDSHIFT]))), truth[i]));
        }
        return out;
    }
}
