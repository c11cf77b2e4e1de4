package org.popstream.kafka.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.catalogue.CatalogueEntry;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.Survey;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.FluxUnit;
import org.popstream.schemas.PhotometryEvent;

/**
 * A catalogue file, read and mapped to the events replay publishes, against values worked out by hand
 * from the catalogue conventions the README documents (not from the reader's or mapper's code): flux
 * columns that share one unit keep it, mixed units become µJy; m → 10^((23.9 − m)/2.5) µJy,
 * σ_f = f·ln10/2.5·σ_m; m = 99 → a non-detection whose limit and error are the limiting magnitude's
 * flux; a _ulim_ cell → a non-detection with that limit and, without an error cell, the limit as error.
 */
class PhotometryEventMapperTest {

    private static final double TOLERANCE = 1e-12;

    @TempDir Path dir;

    private List<PhotometryEvent> events(String... lines) throws Exception {
        Path file = Files.writeString(dir.resolve("cat.csv"), String.join("\n", lines) + "\n");
        List<PhotometryEvent> events = new ArrayList<>();
        try (CatalogueReader reader = CatalogueReader.open(file, Survey.COSMOS2020)) {
            while (reader.hasNext()) {
                CatalogueEntry entry = reader.next();
                events.add(PhotometryEventMapper.toEvent((CatalogueRow) entry, "cosmos2020", "tile-7", 1234L));
            }
        }
        return events;
    }

    private static Map<String, BandMeasurement> byBand(PhotometryEvent event) {
        return event.getBands().stream().collect(Collectors.toMap(BandMeasurement::getBand, Function.identity()));
    }

    @Test
    void fluxesKeepTheirUnitMagnitudesAreConvertedToItAndLimitsAreAsDocumented() throws Exception {
        PhotometryEvent event = events(
                "id,ra,dec,spec_z,hsc_g_flux_nJy,hsc_g_fluxerr_nJy,hsc_r_flux_nJy,hsc_r_fluxerr_nJy,hsc_r_ulim_nJy,"
                        + "hsc_i_mag_AB,hsc_i_magerr_AB,hsc_z_mag_AB,hsc_z_magerr_AB,hsc_y_flux_nJy,hsc_y_fluxerr_nJy,field",
                "g1,150.25,2.5,1.25,500,50,,,300,23.9,0.1,99,25.4,,,deep").get(0);

        assertEquals("g1", event.getGalaxyId());
        assertEquals("cosmos2020", event.getSurvey());
        assertEquals("tile-7", event.getTileId());
        assertEquals(1234L, event.getEmittedAtMillis());
        assertEquals(150.25, event.getRa());
        assertEquals(2.5, event.getDec());
        assertEquals(1.25, event.getSpecZ());
        assertEquals(FluxUnit.NJY, event.getFluxUnit(), "every flux column in nJy: the event is in nJy");
        assertEquals("deep", event.getAttributes().get("field"));
        assertEquals("1.25", event.getAttributes().get("spec_z"), "spec_z also travels as text");

        Map<String, BandMeasurement> bands = byBand(event);
        assertEquals(4, bands.size(), "hsc_y has empty cells: not observed");
        // 500 ± 50 nJy as written
        assertEquals(500.0, bands.get("hsc_g").getFlux(), 0.0);
        assertEquals(50.0, bands.get("hsc_g").getFluxError(), 0.0);
        assertNull(bands.get("hsc_g").getUpperLimit());
        // a 300 nJy limit without an error cell: the limit is its own (1σ) error
        assertNull(bands.get("hsc_r").getFlux());
        assertEquals(300.0, bands.get("hsc_r").getUpperLimit(), 0.0);
        assertEquals(300.0, bands.get("hsc_r").getFluxError(), 0.0);
        // m = 23.9 is 1 µJy = 1000 nJy; σ_m = 0.1 gives σ_f = 1000 nJy × ln10/2.5 × 0.1
        assertEquals(1000.0, bands.get("hsc_i").getFlux(), 1000 * TOLERANCE);
        assertEquals(1000 * Math.log(10) / 2.5 * 0.1, bands.get("hsc_i").getFluxError(), 1000 * TOLERANCE);
        // m = 99: a non-detection at the 1σ limiting magnitude 25.4, i.e. 10^(-1.5/2.5) µJy
        double limit = 1000 * Math.pow(10, -0.6);
        assertNull(bands.get("hsc_z").getFlux());
        assertEquals(limit, bands.get("hsc_z").getUpperLimit(), 1000 * TOLERANCE);
        assertEquals(limit, bands.get("hsc_z").getFluxError(), 1000 * TOLERANCE);
    }

    @Test
    void mixedUnitsArriveInMicroJansky() throws Exception {
        PhotometryEvent event = events("id,hsc_g_flux_mJy,hsc_g_fluxerr_mJy,hsc_i_flux_nmgy,hsc_i_fluxerr_nmgy",
                "g3,0.002,0.0001,10,1").get(0);

        assertEquals(FluxUnit.UJY, event.getFluxUnit());
        Map<String, BandMeasurement> bands = byBand(event);
        // 1 mJy = 1000 µJy; 1 nanomaggy = 3.631 µJy
        assertEquals(2.0, bands.get("hsc_g").getFlux(), TOLERANCE);
        assertEquals(0.1, bands.get("hsc_g").getFluxError(), TOLERANCE);
        assertEquals(36.31, bands.get("hsc_i").getFlux(), 1e-10);
        assertEquals(3.631, bands.get("hsc_i").getFluxError(), 1e-11);
    }

    @Test
    void aFileInOneUnitKeepsIt() throws Exception {
        PhotometryEvent event = events("id,hsc_g_flux_nmgy,hsc_g_fluxerr_nmgy,hsc_i_flux_nmgy,hsc_i_fluxerr_nmgy",
                "g2,2.5,0.25,-0.4,0.2").get(0);

        assertEquals(FluxUnit.NMGY, event.getFluxUnit());
        Map<String, BandMeasurement> bands = byBand(event);
        assertEquals(2.5, bands.get("hsc_g").getFlux(), 0.0);
        assertEquals(0.25, bands.get("hsc_g").getFluxError(), 0.0);
        assertEquals(-0.4, bands.get("hsc_i").getFlux(), 0.0, "a negative flux is a measurement, not a limit");
        assertNull(event.getSpecZ());
        assertNull(event.getRa());
    }
}
