package org.popstream.inference.summary;

import org.hipparchus.complex.Complex;
import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * Integrated autocorrelation time with Sokal's adaptive window, as emcee and Goodman &amp; Weare
 * (2010) estimate it: τ(M) = 1 + 2 Σ_{t≤M} ρ(t), with the smallest window M ≥ c·τ(M), c = 5.
 * Applied to the walker-mean chain of an ensemble (one series per parameter).
 */
public final class AutocorrelationTime {

    public static final double DEFAULT_WINDOW_FACTOR = 5.0;

    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

    private AutocorrelationTime() {}

    /** Normalised autocorrelation function ρ(0..n−1) by FFT (zero-padded, so not circular). */
    public static double[] autocorrelation(double[] x) {
        int n = x.length;
        int size = Integer.highestOneBit(Math.max(1, 2 * n - 1));
        if (size < 2 * n) {
            size <<= 1;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] padded = new double[size];
        for (int i = 0; i < n; i++) {
            padded[i] = x[i] - mean;
        }
        Complex[] f = FFT.transform(padded, TransformType.FORWARD);
        double[] power = new double[size];
        for (int i = 0; i < size; i++) {
            power[i] = f[i].getReal() * f[i].getReal() + f[i].getImaginary() * f[i].getImaginary();
        }
        Complex[] acf = FFT.transform(power, TransformType.INVERSE);
        double[] rho = new double[n];
        double zero = acf[0].getReal();
        for (int i = 0; i < n; i++) {
            rho[i] = zero > 0 ? acf[i].getReal() / zero : (i == 0 ? 1 : 0);
        }
        return rho;
    }

    /** τ of one series, in steps; ≥ 1 for any non-constant series, 1 for a constant one. */
    public static double integrated(double[] x, double c) {
        if (x.length < 2) {
            return 1;
        }
        double[] rho = autocorrelation(x);
        double tau = 1;
        for (int m = 1; m < rho.length; m++) {
            tau += 2 * rho[m];
            if (m >= c * tau) {
                return Math.max(tau, 1e-9);
            }
        }
        return Math.max(tau, 1e-9);
    }

    public static double integrated(double[] x) {
        return integrated(x, DEFAULT_WINDOW_FACTOR);
    }
}
