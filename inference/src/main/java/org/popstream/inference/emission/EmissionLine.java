package org.popstream.inference.emission;

/**
 * One of the nebular emission lines pop-cosmos corrects.
 *
 * @param name           upstream's label, e.g. {@code [O III] 5007}; not unique on its own (two
 *                       {@code Mg II 2800} entries), the wavelength tells them apart
 * @param restWavelength rest wavelength in Å from upstream's hard-coded line list (this, not the
 *                       emulator's {@code elams.npy} entry, is what upstream redshifts into the bands)
 */
public record EmissionLine(String name, double restWavelength) {

    /** The wavelength as upstream holds it (a float32 torch tensor): what the bandpasses are evaluated at. */
    public double restWavelengthFloat32() {
        return (float) restWavelength;
    }

    @Override
    public String toString() {
        return name + " (" + restWavelength + " Å)";
    }
}
