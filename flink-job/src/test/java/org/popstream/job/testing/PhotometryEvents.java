package org.popstream.job.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.popstream.job.validation.SurveyBands;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.FluxUnit;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.encoding.AvroCodec;

/** Builds photometry events for tests: a plausible COSMOS2020 galaxy, then one field broken. */
public final class PhotometryEvents {

    public static final int GOOD_BANDS = 6;

    private PhotometryEvents() {}

    /** A galaxy of about 23 AB mag in the first {@value #GOOD_BANDS} COSMOS2020 bands, fluxes in µJy. */
    public static PhotometryEvent.Builder valid(String galaxyId) {
        List<BandMeasurement> bands = new ArrayList<>();
        for (int i = 0; i < GOOD_BANDS; i++) {
            bands.add(band(SurveyBands.COSMOS2020.get(i), 2.0 + 0.25 * i, 0.1));
        }
        return PhotometryEvent.newBuilder()
                .setGalaxyId(galaxyId)
                .setSurvey("cosmos2020")
                .setTileId("tile-0")
                .setFluxUnit(FluxUnit.UJY)
                .setBands(bands)
                .setEmittedAtMillis(1_000L)
                .setAttributes(Map.of("source", "test"));
    }

    public static BandMeasurement band(String name, Double flux, double error) {
        return BandMeasurement.newBuilder().setBand(name).setFlux(flux).setFluxError(error).build();
    }

    public static BandMeasurement limit(String name, Double upperLimit, double error) {
        return BandMeasurement.newBuilder().setBand(name).setFlux(null).setFluxError(error).setUpperLimit(upperLimit).build();
    }

    /** {@link #valid} with band {@code index} replaced. */
    public static PhotometryEvent withBand(String galaxyId, int index, BandMeasurement replacement) {
        PhotometryEvent event = valid(galaxyId).build();
        List<BandMeasurement> bands = new ArrayList<>(event.getBands());
        bands.set(index, replacement);
        event.setBands(bands);
        return event;
    }

    private static final AvroCodec<PhotometryEvent> CODEC = AvroCodec.of(PhotometryEvent.class);

    public static byte[] encode(PhotometryEvent event) {
        return CODEC.encode(event);
    }
}
