package org.popstream.job.validation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;
import org.popstream.schemas.BandMeasurement;
import org.popstream.schemas.PhotometryEvent;
import org.popstream.schemas.RejectReason;

/**
 * The validation rules for one photometry event, free of Flink so they are tested directly. The
 * first failing rule decides the reason. A band with neither a flux nor an upper limit carries no
 * information and is dropped (it does not count as usable).
 */
public final class PhotometryRules implements Serializable {

    /** Beyond this AB magnitude (either sign) a value is a sentinel or a unit error, not a measurement. */
    public static final double ABSURD_MAGNITUDE = 50.0;

    private final SurveyBands surveys;
    private final int minUsableBands;

    public PhotometryRules(SurveyBands surveys, int minUsableBands) {
        this.surveys = surveys;
        this.minUsableBands = minUsableBands;
    }

    public Verdict check(PhotometryEvent event) {
        if (event.getGalaxyId() == null || event.getGalaxyId().isBlank()) {
            return Verdict.reject(RejectReason.MISSING_GALAXY_ID, "galaxy id is missing or blank");
        }
        if (event.getBands().isEmpty()) {
            return Verdict.reject(RejectReason.EMPTY_BAND_LIST, "no band measurements");
        }
        Optional<Set<String>> known = surveys.bandsOf(event.getSurvey());
        if (known.isEmpty()) {
            return Verdict.reject(RejectReason.UNKNOWN_BAND, "survey '" + event.getSurvey() + "' has no known band set");
        }
        double toNanomaggies = FluxUnits.nanomaggiesPer(event.getFluxUnit());
        Set<String> seen = new HashSet<>();
        List<BandFlux> usable = new ArrayList<>();
        for (BandMeasurement m : event.getBands()) {
            String band = m.getBand();
            if (!seen.add(band)) {
                return Verdict.reject(RejectReason.DUPLICATE_BAND, "band '" + band + "' appears more than once");
            }
            if (!known.get().contains(band)) {
                return Verdict.reject(RejectReason.UNKNOWN_BAND,
                        "band '" + band + "' is not a " + event.getSurvey() + " band");
            }
            Verdict bandVerdict = checkBand(m, toNanomaggies, usable);
            if (bandVerdict != null) {
                return bandVerdict;
            }
        }
        if (usable.size() < minUsableBands) {
            return Verdict.reject(RejectReason.TOO_FEW_BANDS,
                    usable.size() + " usable bands, at least " + minUsableBands + " required");
        }
        return Verdict.accept(usable);
    }

    /** Adds the band to {@code usable} if it carries information; returns a rejection or null. */
    private static Verdict checkBand(BandMeasurement m, double toNanomaggies, List<BandFlux> usable) {
        String band = m.getBand();
        Double flux = m.getFlux();
        Double limit = m.getUpperLimit();
        double error = m.getFluxError();
        if (flux != null && !Double.isFinite(flux)) {
            return Verdict.reject(RejectReason.NON_FINITE_FLUX, "band '" + band + "': flux is " + flux);
        }
        if (!(error > 0) || Double.isInfinite(error)) {
            return Verdict.reject(RejectReason.INVALID_ERROR, "band '" + band + "': flux error is " + error
                    + " (must be finite and > 0)");
        }
        if (limit != null && (!(limit >= 0) || Double.isInfinite(limit))) {
            return Verdict.reject(RejectReason.INVALID_UPPER_LIMIT, "band '" + band + "': upper limit is " + limit
                    + " (must be finite and >= 0)");
        }
        Verdict absurd = absurdMagnitude(band, "flux", flux, toNanomaggies);
        if (absurd == null) {
            absurd = absurdMagnitude(band, "upper limit", limit, toNanomaggies);
        }
        if (absurd != null) {
            return absurd;
        }
        double errorNmgy = error * toNanomaggies;
        if (flux != null) {
            usable.add(BandFlux.detection(band, flux * toNanomaggies, errorNmgy));
        } else if (limit != null) {
            usable.add(BandFlux.upperLimit(band, limit * toNanomaggies, errorNmgy));
        }
        return null;
    }

    private static Verdict absurdMagnitude(String band, String what, Double value, double toNanomaggies) {
        if (value == null || value <= 0) {
            return null;
        }
        double magnitude = FluxUnits.abMagnitude(value * toNanomaggies);
        if (Math.abs(magnitude) > ABSURD_MAGNITUDE) {
            return Verdict.reject(RejectReason.ABSURD_MAGNITUDE, "band '" + band + "': " + what + " " + value
                    + " is AB magnitude " + String.format(java.util.Locale.ROOT, "%.1f", magnitude)
                    + " (beyond ±" + ABSURD_MAGNITUDE + ")");
        }
        return null;
    }
}
