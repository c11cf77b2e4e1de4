package org.popstream.catalogue.results;

import java.util.List;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.PhotometryEvent;

/**
 * What arrived on the photometry topic, one row per galaxy (band values stay on the wire; this is
 * for checking a replay: ids, tiles, band and non-detection counts).
 */
public final class PhotometryCsvFormat implements ResultRows<PhotometryEvent> {

    private static final List<String> HEADER = List.of(
            "id", "survey", "tile_id", "ra", "dec", "spec_z", "flux_unit", "n_bands", "n_upper_limits", "emitted_at_millis");

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public List<List<String>> rows(PhotometryEvent value) {
        long limits = value.getBands().stream().map(BandMeasurement::getUpperLimit).filter(l -> l != null).count();
        return List.of(List.of(
                value.getGalaxyId(),
                value.getSurvey(),
                value.getTileId(),
                text(value.getRa()),
                text(value.getDec()),
                text(value.getSpecZ()),
                value.getFluxUnit().name(),
                Integer.toString(value.getBands().size()),
                Long.toString(limits),
                Long.toString(value.getEmittedAtMillis())));
    }

    @Override
    public List<String> compactColumns() {
        return List.of("id", "tile_id", "spec_z", "flux_unit", "n_bands", "n_upper_limits");
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }
}
