package org.popstream.testing;

import java.util.List;
import java.util.Map;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;

/** Posterior summaries for tests, distinct per galaxy so a mix-up shows. */
public final class Summaries {
    private Summaries() {}

    public static PosteriorSummary summary(String id, double z) {
        return PosteriorSummary.newBuilder()
                .setGalaxyId(id).setSurvey("cosmos2020").setTileId("tile-00000").setSpecZ(z)
                .setQuantities(List.of(
                        new QuantitySummary("z", z, 0.1, z - 0.2, z - 0.1, z, z + 0.1, z + 0.2, z + 0.01),
                        new QuantitySummary("log10Mstar", 10 + z / 10, 0.2, 9.6, 9.8, 10.0, 10.2, 10.4 + z / 100, 10.01)))
                .setZQuantileLevels(List.of(0.16, 0.5, 0.84)).setZQuantiles(List.of(z - 0.1, z, z + 0.1))
                .setPQuenched10(0.1).setPQuenched11(0.01).setAcceptance(0.3).setTauMax(40.5).setEssMin(600.25)
                .setConverged(true).setStepsUsed(1500).setNBands(24).setLnPosteriorMax(-12.0 - z)
                .setSettings(new SamplerSettings(32, 2000, 500, 10, 7L, "analytic", false))
                .setModelVersion("test-model")
                .setTimings(new Timings(1L, 2L, 3.5, 4L))
                .setAttributes(Map.of("spec_z", Double.toString(z), "source_file", "f" + id))
                .build();
    }
}
