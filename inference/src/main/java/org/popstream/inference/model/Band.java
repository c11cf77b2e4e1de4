package org.popstream.inference.model;

/**
 * A COSMOS2020 photometric band as the pop-cosmos emulators name it.
 *
 * @param index position in upstream's {@code COSMOS_FILTERS} order
 * @param name  upstream filter name, e.g. {@code hsc_g}; names the emulator file and CSV columns
 * @param label human-readable label
 */
public record Band(int index, String name, String label) {

    @Override
    public String toString() {
        return name;
    }
}
