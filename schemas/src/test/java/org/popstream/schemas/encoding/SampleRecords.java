package org.popstream.schemas.encoding;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.FluxUnit;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.RejectReason;
import org.popstream.schemas.RejectedEvent;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;

/** One fully populated value of each contract record (every optional field set, so nothing hides behind a default). */
final class SampleRecords {
    private SampleRecords() {}

    static PhotometryEvent photometryEvent() {
        return PhotometryEvent.newBuilder()
                .setGalaxyId("816891").setSurvey("cosmos2020").setTileId("tile-0003")
                .setRa(150.1).setDec(2.2).setSpecZ(3.1).setFluxUnit(FluxUnit.UJY)
                .setBands(List.of(
                        BandMeasurement.newBuilder().setBand("hsc_g").setFlux(0.31).setFluxError(0.02).build(),
                        BandMeasurement.newBuilder().setBand("u_megaprime_sagem").setFlux(null).setFluxError(0.05)
                                .setUpperLimit(0.075).build()))
                .setEmittedAtMillis(1_763_776_000_000L)
                .setAttributes(Map.of("spec_z", "3.1", "source_file", "zbin_3p00_3p50"))
                .build();
    }

    static PosteriorSummary posteriorSummary() {
        return PosteriorSummary.newBuilder()
                .setGalaxyId("816891").setSurvey("cosmos2020").setTileId("tile-0003").setSpecZ(3.1)
                .setQuantities(List.of(
                        new QuantitySummary("z", 3.05, 0.1, 2.85, 2.95, 3.05, 3.15, 3.25, 3.04),
                        new QuantitySummary("log10Mstar", 10.2, 0.2, 9.8, 10.0, 10.2, 10.4, 10.6, 10.21)))
                .setZQuantileLevels(List.of(0.1, 0.5, 0.9)).setZQuantiles(List.of(2.9, 3.05, 3.2))
                .setPQuenched10(0.05).setPQuenched11(0.01).setAcceptance(0.31).setTauMax(42.0).setEssMin(512.0)
                .setConverged(true).setStepsUsed(2000).setNBands(24).setLnPosteriorMax(-17.5)
                .setSettings(new SamplerSettings(64, 2000, 500, 10, 42L, "analytic(zmax=6)", true))
                .setModelVersion("sha256:abc123")
                .setTimings(new Timings(1_763_776_000_000L, 1_763_776_000_100L, 35.5, 1_763_776_001_000L))
                .setAttributes(Map.of("spec_z", "3.1"))
                .build();
    }

    static PosteriorSamples posteriorSamples() {
        return PosteriorSamples.newBuilder()
                .setGalaxyId("816891")
                .setParameterNames(List.of("z", "log10Mstar"))
                .setSamples(List.of(List.of(3.0f, 10.1f), List.of(3.1f, 10.3f)))
                .setLnPosterior(List.of(-18.0f, -17.6f))
                .setModelVersion("sha256:abc123")
                .build();
    }

    static RejectedEvent rejectedEvent() {
        return RejectedEvent.newBuilder()
                .setGalaxyId("816891").setReason(RejectReason.INVALID_ERROR).setMessage("hsc_g: flux error -1 <= 0")
                .setSourceTopic("popstream.photometry.v1").setPartition(3).setOffset(1234L)
                .setOriginalBytes(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}))
                .setRejectedAtMillis(1_763_776_000_500L)
                .build();
    }
}
