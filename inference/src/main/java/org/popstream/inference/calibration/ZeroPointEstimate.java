package org.popstream.inference.calibration;

/**
 * The fitted calibration of one band.
 *
 * @param band        emulator band name
 * @param factor      zero-point factor multiplying the model flux
 * @param uncertainty 1σ uncertainty of the factor (robust scatter of the ratios / √n_eff)
 * @param nUsed       galaxies whose ratio entered the median
 * @param errorFloor  fractional error floor (0 when not fitted or not needed)
 */
public record ZeroPointEstimate(String band, double factor, double uncertainty, int nUsed, double errorFloor) {}
