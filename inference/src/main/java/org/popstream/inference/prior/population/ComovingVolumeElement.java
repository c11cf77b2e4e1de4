package org.popstream.inference.prior.population;

/** dVc/dz per steradian of a flat universe, D_H·D_C(z)²/E(z) in Mpc³ sr⁻¹ (population-prior.md §1). */
public record ComovingVolumeElement(ExpansionHistory cosmology) {

    /** ln dVc/dz; −∞ at z = 0 where the volume element vanishes. */
    public double lnDVdz(double z) {
        double dc = cosmology.comovingDistanceMpc(z);
        return Math.log(cosmology.hubbleDistanceMpc()) + 2.0 * Math.log(dc) - Math.log(cosmology.efunc(z));
    }

    public double dVdz(double z) {
        double dc = cosmology.comovingDistanceMpc(z);
        return cosmology.hubbleDistanceMpc() * dc * dc / cosmology.efunc(z);
    }
}
