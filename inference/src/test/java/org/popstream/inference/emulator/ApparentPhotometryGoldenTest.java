package org.popstream.inference.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.inference.cosmology.FlatLambdaCdm;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.PhotulatorWeights;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;

/** {@code photulator_logM_examples.csv}: distance modulus, N, apparent magnitudes, fluxes, asinh magnitudes. */
class ApparentPhotometryGoldenTest {

    @Test
    void apparentMagnitudesAndFluxesMatchUpstream() {
        GoldenCsv golden = GoldenCsv.read("photulator_logM_examples.csv");
        assertEquals(624, golden.rows());
        List<PhotulatorWeights> weights = PhotulatorWeights.read(new ModelDirectory(SharedPaths.models()), CosmosBands.ALL);
        FlatLambdaCdm planck18 = FlatLambdaCdm.planck18();
        try (JavaPhotometryEmulator emulator = new JavaPhotometryEmulator(weights)) {
            for (int r = 0; r < golden.rows(); r++) {
                Band band = CosmosBands.byName(golden.text(r, "band"));
                double[] inputs = golden.values(r, EmulatorInputs.NAMES);
                double z = inputs[EmulatorInputs.Z];
                double distmod = planck18.distanceModulus(z);
                assertEquals(golden.value(r, "distmod_planck18"), distmod, 1e-9, "distmod row " + r);
                double n = distmod - 2.5 * golden.value(r, "log10M_formed");
                assertEquals(golden.value(r, "N"), n, 1e-9, "N row " + r);
                double out = emulator.absMagPerMass(new double[][] {inputs})[0][band.index()];
                assertEquals(golden.value(r, "forward_f64"), out, 1e-9, "forward row " + r);
                double m = Magnitudes.apparent(out, n);
                assertEquals(golden.value(r, "apparent_mag_f64"), m, 1e-9, "magnitude row " + r);
                double flux = Magnitudes.fluxNanomaggies(m);
                double expectedFlux = golden.value(r, "flux_nanomaggies_f64");
                assertEquals(expectedFlux, flux, 1e-9 * expectedFlux, "flux row " + r);
                double fb = weights.get(band.index()).fluxSoftening();
                assertEquals(golden.value(r, "f_b_nanomaggies"), fb, 0.0, "f_b row " + r);
                assertEquals(golden.value(r, "asinh_mag_exact"), Magnitudes.asinhMagnitude(flux, fb), 1e-9, "asinh row " + r);
            }
        }
    }
}
