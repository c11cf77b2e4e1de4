package org.popstream.inference.prior.population;

/**
 * Matter-only flat universe, closed forms: a test cosmology for the property checks that hold in any
 * cosmology (normalisation, invariances). Golden values need Planck18 instead.
 */
record EinsteinDeSitter(double h0) implements ExpansionHistory {
    private static final double C_KM_S = 299792.458;
    private static final double GYR_PER_INVERSE_KM_S_MPC = 977.7922216807891;

    @Override
    public double hubbleDistanceMpc() {
        return C_KM_S / h0;
    }

    @Override
    public double hubbleTimeGyr() {
        return GYR_PER_INVERSE_KM_S_MPC / h0;
    }

    @Override
    public double efunc(double z) {
        return Math.pow(1 + z, 1.5);
    }

    @Override
    public double comovingDistanceMpc(double z) {
        return 2 * hubbleDistanceMpc() * (1 - 1 / Math.sqrt(1 + z));
    }

    @Override
    public double ageGyr(double z) {
        return 2.0 / 3.0 * hubbleTimeGyr() * Math.pow(1 + z, -1.5);
    }
}
