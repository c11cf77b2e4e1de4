package org.popstream.job.validation;

import java.util.List;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;
import org.popstream.schemas.RejectReason;

/**
 * Outcome of the validation rules for one event: the usable bands in nanomaggies, or why the
 * event is rejected.
 */
public record Verdict(List<BandFlux> usableBands, RejectReason reason, String message) {

    public static Verdict accept(List<BandFlux> usableBands) {
        return new Verdict(List.copyOf(usableBands), null, null);
    }

    public static Verdict reject(RejectReason reason, String message) {
        return new Verdict(List.of(), reason, message);
    }

    public boolean accepted() {
        return reason == null;
    }
}
