package org.popstream.job.testing;

import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.GalaxyFitter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.inference.fit.PosteriorResult.QuantitySummary;

/**
 * A small deterministic {@link GalaxyFitter} for operator and topology tests that must not wait
 * for TensorFlow: each galaxy's "posterior" is arithmetic on its own fluxes (so, as the contract
 * demands, independent of its batch mates). Galaxies whose id starts with {@link #POISON} make
 * the fitter throw, as a native failure would.
 */
public final class ArithmeticFitter implements GalaxyFitter {

    public static final String POISON = "poison";
    public static final String MODEL_VERSION = "arithmetic-test-model";

    private boolean closed;

    @Override
    public List<PosteriorResult> fit(List<GalaxyPhotometry> batch) {
        if (closed) {
            throw new IllegalStateException("fitter used after close");
        }
        return batch.stream().map(ArithmeticFitter::fitOne).toList();
    }

    /** The value every quantity of this galaxy is centred on: its mean flux. */
    public static double centre(GalaxyPhotometry galaxy) {
        return galaxy.bands().stream().mapToDouble(GalaxyPhotometry.BandFlux::flux).average().orElseThrow();
    }

    private static PosteriorResult fitOne(GalaxyPhotometry galaxy) {
        if (galaxy.id().startsWith(POISON)) {
            throw new IllegalArgumentException("cannot fit " + galaxy.id());
        }
        double c = centre(galaxy);
        QuantitySummary z = new QuantitySummary("z", c, 0.1, c - 0.2, c - 0.1, c, c + 0.1, c + 0.2, c);
        return new PosteriorResult(galaxy.id(), List.of(z), new double[] {0.5}, new double[] {c}, 0.1, 0.01,
                0.3, 12.0, 100.0, true, 40, galaxy.bands().size(), -c, 1.0, List.of("z"),
                new float[][] {{(float) c}, {(float) (c + 0.05)}}, new float[] {(float) -c, (float) (-c - 0.1)}, Map.of());
    }

    @Override
    public String modelVersion() {
        return MODEL_VERSION;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean isClosed() {
        return closed;
    }
}
