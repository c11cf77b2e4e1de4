package org.popstream.inference.posterior;

import java.util.SplittableRandom;
import org.popstream.inference.prior.Prior;

/**
 * Prior draws with their model fluxes at unit formed mass (log10 M = 0). The bank depends on the
 * seed only, so every galaxy sees the same bank whatever its batch; it is emulated once per fitter.
 *
 * @param points    [n][16] prior draws (the log10 M column is replaced per galaxy when scoring)
 * @param templates [n][bands] flux in nanomaggies for log10 M_formed = 0
 */
public record PriorBank(double[][] points, double[][] templates) {

    private static final int CHUNK = 2048;

    public static PriorBank draw(Prior prior, PhotometryModel model, int size, long seed, int threads) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[][] points = new double[size][];
        for (int i = 0; i < size; i++) {
            points[i] = prior.sample(random);
        }
        // the bank's own chunk size: another would round its float32 fluxes, and so every fit, differently
        try (TemplateEmulator emulator = new TemplateEmulator(model, threads, CHUNK)) {
            return new PriorBank(points, emulator.unitMassFluxes(points));
        }
    }

    public int size() {
        return points.length;
    }
}
