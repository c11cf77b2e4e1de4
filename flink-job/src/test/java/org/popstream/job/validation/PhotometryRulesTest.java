package org.popstream.job.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.popstream.job.testing.PhotometryEvents.band;
import static org.popstream.job.testing.PhotometryEvents.limit;
import static org.popstream.job.testing.PhotometryEvents.valid;
import static org.popstream.job.testing.PhotometryEvents.withBand;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;
import org.popstream.job.testing.PhotometryEvents;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.FluxUnit;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;

class PhotometryRulesTest {

    private final PhotometryRules rules = new PhotometryRules(SurveyBands.builtIn(), 3);

    private RejectReason reasonFor(PhotometryEvent event) {
        Verdict verdict = rules.check(event);
        return verdict.reason();
    }

    @Test
    void plausibleGalaxyIsAcceptedWithEveryBandConvertedToNanomaggies() {
        PhotometryEvent event = valid("g1").build();

        Verdict verdict = rules.check(event);

        assertTrue(verdict.accepted(), verdict.message());
        assertEquals(PhotometryEvents.GOOD_BANDS, verdict.usableBands().size());
        BandFlux first = verdict.usableBands().get(0);
        BandMeasurement input = event.getBands().get(0);
        assertEquals(input.getFlux() / 3.631, first.flux(), 1e-12);
        assertEquals(input.getFluxError() / 3.631, first.error(), 1e-12);
    }

    @Test
    void everyUnitConvertsByItsFactorTo3631MicroJanskyPerNanomaggy() {
        assertEquals(1.0, 3.631 * FluxUnits.nanomaggiesPer(FluxUnit.UJY), 1e-15);
        assertEquals(1.0, 3631 * FluxUnits.nanomaggiesPer(FluxUnit.NJY), 1e-12);
        assertEquals(1.0, 0.003631 * FluxUnits.nanomaggiesPer(FluxUnit.MJY), 1e-12);
        assertEquals(1.0, FluxUnits.nanomaggiesPer(FluxUnit.NMGY));
        assertEquals(22.5, FluxUnits.abMagnitude(1.0), 1e-12);
    }

    @Test
    void upperLimitBandIsUsableAsANonDetection() {
        Verdict verdict = rules.check(withBand("g", 2, limit("hsc_r", 0.5, 0.2)));

        assertTrue(verdict.accepted(), verdict.message());
        BandFlux r = verdict.usableBands().get(2);
        assertTrue(r.isUpperLimit());
        assertEquals(0.5 / 3.631, r.upperLimit(), 1e-12);
    }

    @Test
    void negativeFluxIsValidData() {
        assertTrue(rules.check(withBand("g", 1, band("hsc_g", -0.3, 0.2))).accepted());
    }

    @Test
    void missingGalaxyId() {
        assertEquals(RejectReason.MISSING_GALAXY_ID, reasonFor(valid(" ").build()));
    }

    @Test
    void emptyBandList() {
        assertEquals(RejectReason.EMPTY_BAND_LIST, reasonFor(valid("g").setBands(List.of()).build()));
    }

    @Test
    void duplicateBand() {
        PhotometryEvent event = valid("g").build();
        List<BandMeasurement> bands = new ArrayList<>(event.getBands());
        bands.add(band(bands.get(0).getBand(), 1.0, 0.1));
        event.setBands(bands);
        assertEquals(RejectReason.DUPLICATE_BAND, reasonFor(event));
    }

    @Test
    void bandUnknownForTheSurvey() {
        assertEquals(RejectReason.UNKNOWN_BAND, reasonFor(withBand("g", 0, band("lsst_g", 1.0, 0.1))));
    }

    @Test
    void surveyWithoutABandSet() {
        assertEquals(RejectReason.UNKNOWN_BAND, reasonFor(valid("g").setSurvey("sdss").build()));
    }

    @Test
    void nanFlux() {
        assertEquals(RejectReason.NON_FINITE_FLUX, reasonFor(withBand("g", 0, band("u_megaprime_sagem", Double.NaN, 0.1))));
    }

    @Test
    void infiniteFlux() {
        assertEquals(RejectReason.NON_FINITE_FLUX,
                reasonFor(withBand("g", 0, band("u_megaprime_sagem", Double.NEGATIVE_INFINITY, 0.1))));
    }

    @Test
    void zeroError() {
        assertEquals(RejectReason.INVALID_ERROR, reasonFor(withBand("g", 0, band("u_megaprime_sagem", 1.0, 0.0))));
    }

    @Test
    void negativeError() {
        assertEquals(RejectReason.INVALID_ERROR, reasonFor(withBand("g", 0, band("u_megaprime_sagem", 1.0, -0.1))));
    }

    @Test
    void nanError() {
        assertEquals(RejectReason.INVALID_ERROR, reasonFor(withBand("g", 0, band("u_megaprime_sagem", 1.0, Double.NaN))));
    }

    @Test
    void negativeUpperLimit() {
        assertEquals(RejectReason.INVALID_UPPER_LIMIT, reasonFor(withBand("g", 0, limit("u_megaprime_sagem", -1.0, 0.1))));
    }

    @Test
    void nanUpperLimit() {
        assertEquals(RejectReason.INVALID_UPPER_LIMIT,
                reasonFor(withBand("g", 0, limit("u_megaprime_sagem", Double.NaN, 0.1))));
    }

    @Test
    void fewerUsableBandsThanTheMinimum() {
        PhotometryEvent event = valid("g").build();
        event.setBands(new ArrayList<>(event.getBands().subList(0, 2)));
        assertEquals(RejectReason.TOO_FEW_BANDS, reasonFor(event));
    }

    @Test
    void bandsWithoutFluxOrLimitDoNotCountAsUsable() {
        PhotometryEvent event = valid("g").build();
        List<BandMeasurement> bands = new ArrayList<>(event.getBands().subList(0, 2));
        bands.add(band(SurveyBands.COSMOS2020.get(10), null, 0.1));
        event.setBands(bands);
        assertEquals(RejectReason.TOO_FEW_BANDS, reasonFor(event));
    }

    @Test
    void fluxFainterThanMagnitude50IsAbsurd() {
        // a catalogue's "99 mag" sentinel converted to flux: 10^(-0.4 (99 - 23.9)) µJy
        double sentinel = Math.pow(10, -0.4 * (99 - 23.9));
        assertEquals(RejectReason.ABSURD_MAGNITUDE, reasonFor(withBand("g", 0, band("u_megaprime_sagem", sentinel, 0.1))));
    }

    @Test
    void fluxBrighterThanMagnitudeMinus50IsAbsurd() {
        assertEquals(RejectReason.ABSURD_MAGNITUDE, reasonFor(withBand("g", 0, band("u_megaprime_sagem", 1e30, 0.1))));
    }

    @Test
    void upperLimitBeyondMagnitude50IsAbsurd() {
        assertEquals(RejectReason.ABSURD_MAGNITUDE, reasonFor(withBand("g", 0, limit("u_megaprime_sagem", 1e-20, 0.1))));
    }
}
