package org.popstream.inference.crossval;

import java.util.List;
import org.popstream.inference.photoz.PhotozMetrics;
import org.popstream.inference.photoz.RedshiftEstimate;

/**
 * How one prior, with or without the fitted zero points, did on the held-back galaxies.
 *
 * @param medianDraws median effective number of bank draws over the valid estimates
 * @param estimates   one per held-back galaxy, in the split's order
 */
public record ConfigurationScore(PriorConfiguration configuration, boolean calibrated, PhotozMetrics metrics,
        double medianDraws, List<RedshiftEstimate> estimates) {

    public ConfigurationScore {
        estimates = List.copyOf(estimates);
    }

    static ConfigurationScore of(PriorConfiguration configuration, boolean calibrated, List<RedshiftEstimate> estimates,
            double[] specZ) {
        PhotozMetrics metrics = PhotozMetrics.of(estimates, specZ);
        double medianDraws = estimates.stream().filter(RedshiftEstimate::isValid)
                .mapToDouble(RedshiftEstimate::effectiveDraws).sorted().skip(metrics.galaxies() / 2).findFirst().orElse(0);
        return new ConfigurationScore(configuration, calibrated, metrics, medianDraws, estimates);
    }

    /** E.g. {@code beta:mzr + zeropoints}. */
    public String label() {
        return configuration.name() + (calibrated ? " + zeropoints" : "");
    }
}
