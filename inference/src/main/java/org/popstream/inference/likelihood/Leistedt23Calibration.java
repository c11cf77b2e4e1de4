package org.popstream.inference.likelihood;

import java.util.List;
import java.util.Map;

/**
 * The COSMOS2020 zero points and fractional error floors of Leistedt et al. 2023
 * (pop_cosmos/constants.py, ZEROPOINTS_LEISTEDT23 / ERRORFLOOR_LEISTEDT23; shared/docs/calibration-constants.md),
 * fitted for the Farmer photometry pop-cosmos was trained on.
 */
public final class Leistedt23Calibration {

    /** band → {zero-point factor, fractional error floor}. */
    private static final Map<String, double[]> VALUES = Map.ofEntries(
        Map.entry("u_megaprime_sagem", new double[] {1.0068391561508179, 0.10000000149011612}),
        Map.entry("hsc_g", new double[] {1.0830942392349243, 0.0022452000994235277}),
        Map.entry("hsc_r", new double[] {1.0636529922485352, 0.0182504802942276}),
        Map.entry("hsc_i", new double[] {1.0, 0.006148470100015402}),
        Map.entry("hsc_z", new double[] {1.0044227838516235, 0.008562150411307812}),
        Map.entry("hsc_y", new double[] {1.0459933280944824, 0.008198919706046581}),
        Map.entry("uvista_y_cosmos", new double[] {1.017213225364685, 0.019247330725193024}),
        Map.entry("uvista_j_cosmos", new double[] {0.988585352897644, 0.02077879011631012}),
        Map.entry("uvista_h_cosmos", new double[] {0.965499758720398, 0.02989465929567814}),
        Map.entry("uvista_ks_cosmos", new double[] {1.0593856573104858, 0.007778089959174395}),
        Map.entry("ia427_cosmos", new double[] {0.9618197083473206, 0.043703701347112656}),
        Map.entry("ia464_cosmos", new double[] {0.9914595484733582, 0.04945193976163864}),
        Map.entry("ia484_cosmos", new double[] {1.0053478479385376, 0.02857510931789875}),
        Map.entry("ia505_cosmos", new double[] {1.005604863166809, 0.028438769280910492}),
        Map.entry("ia527_cosmos", new double[] {0.9771115779876709, 0.03176803141832352}),
        Map.entry("ia574_cosmos", new double[] {0.9314152598381042, 0.03493298962712288}),
        Map.entry("ia624_cosmos", new double[] {0.9939412474632263, 0.01997780054807663}),
        Map.entry("ia679_cosmos", new double[] {1.1472831964492798, 0.024297520518302917}),
        Map.entry("ia709_cosmos", new double[] {0.9642333388328552, 0.022856449708342552}),
        Map.entry("ia738_cosmos", new double[] {0.9509840607643127, 0.017402509227395058}),
        Map.entry("ia767_cosmos", new double[] {0.9539156556129456, 0.039130810648202896}),
        Map.entry("ia827_cosmos", new double[] {0.9248250722885132, 0.03608741983771324}),
        Map.entry("NB711.SuprimeCam", new double[] {0.9802745580673218, 0.02332223951816559}),
        Map.entry("NB816.SuprimeCam", new double[] {0.9290840029716492, 0.0246229600161314}),
        Map.entry("irac1_cosmos", new double[] {0.9520670771598816, 0.10000000149011612}),
        Map.entry("irac2_cosmos", new double[] {0.9241423606872559, 0.10000000149011612}));

    private Leistedt23Calibration() {}

    /** The calibration for these bands, in this order; names a band it has no values for. */
    public static LikelihoodCalibration forBands(List<String> bands) {
        double[] zp = new double[bands.size()];
        double[] floor = new double[bands.size()];
        for (int b = 0; b < zp.length; b++) {
            double[] v = VALUES.get(bands.get(b));
            if (v == null) {
                throw new IllegalArgumentException("no Leistedt et al. 2023 calibration for band '" + bands.get(b) + "'");
            }
            zp[b] = v[0];
            floor[b] = v[1];
        }
        return new LikelihoodCalibration(zp, floor);
    }
}
