package org.popstream.kafka.replay;

import java.util.List;
import org.popstream.catalogue.BandValue;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.FluxUnit;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.PhotometryEvent;

/** A catalogue row as the {@link PhotometryEvent} a survey would publish. */
public final class PhotometryEventMapper {

    private PhotometryEventMapper() {}

    public static PhotometryEvent toEvent(CatalogueRow row, String survey, String tileId, long emittedAtMillis) {
        List<BandMeasurement> bands = row.bands().stream().map(PhotometryEventMapper::measurement).toList();
        return PhotometryEvent.newBuilder()
                .setGalaxyId(row.id())
                .setSurvey(survey)
                .setTileId(tileId)
                .setRa(row.ra().isPresent() ? row.ra().getAsDouble() : null)
                .setDec(row.dec().isPresent() ? row.dec().getAsDouble() : null)
                .setSpecZ(row.specZ().isPresent() ? row.specZ().getAsDouble() : null)
                .setFluxUnit(unit(row.unit()))
                .setBands(bands)
                .setEmittedAtMillis(emittedAtMillis)
                .setAttributes(row.attributes())
                .build();
    }

    private static BandMeasurement measurement(BandValue value) {
        return BandMeasurement.newBuilder()
                .setBand(value.band())
                .setFlux(value.isUpperLimit() ? null : value.flux())
                .setFluxError(value.error())
                .setUpperLimit(value.isUpperLimit() ? value.upperLimit() : null)
                .build();
    }

    static org.popstream.schemas.FluxUnit unit(FluxUnit unit) {
        return switch (unit) {
            case MICROJANSKY -> org.popstream.schemas.FluxUnit.UJY;
            case NANOJANSKY -> org.popstream.schemas.FluxUnit.NJY;
            case MILLIJANSKY -> org.popstream.schemas.FluxUnit.MJY;
            case NANOMAGGY -> org.popstream.schemas.FluxUnit.NMGY;
        };
    }
}
