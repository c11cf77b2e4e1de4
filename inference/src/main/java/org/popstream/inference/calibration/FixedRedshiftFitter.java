package org.popstream.inference.calibration;

import java.util.List;
import org.popstream.inference.fit.GalaxyPhotometry;

/**
 * Fits galaxies whose redshift is known (the spectroscopic training set of science.md §9) and returns
 * the best-fitting model photometry. The zero-point calibrator only needs this, so any SED model can
 * stand behind it.
 */
public interface FixedRedshiftFitter {

    /**
     * @param galaxies    training galaxies
     * @param redshifts   the fixed redshift of each galaxy
     * @param calibration the current calibration, applied in the fit's likelihood
     * @return per galaxy, per band of {@code calibration.bands()}, the best-fit model flux in nanomaggies
     *         WITH the zero-point factor applied (what the likelihood compares to the data); NaN when the
     *         fit failed for that galaxy
     */
    double[][] bestFitModelFluxes(List<GalaxyPhotometry> galaxies, double[] redshifts, BandCalibration calibration);
}
