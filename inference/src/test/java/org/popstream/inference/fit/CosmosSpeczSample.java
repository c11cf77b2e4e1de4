package org.popstream.inference.fit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.popstream.testing.CsvTable;
import org.popstream.testing.SharedPaths;

/**
 * Rows of the shared COSMOS2020 spec-z file as fitter input (µJy → nanomaggies). Bands listed in
 * {@code upper_limit_bands} are non-detections with limit L = 1.5 × error (the file's README).
 */
final class CosmosSpeczSample {
    private static final double MICROJANSKY_PER_NANOMAGGY = 3.631;

    private CosmosSpeczSample() {}

    static List<GalaxyPhotometry> read(List<String> bands, int every, int count) throws IOException {
        CsvTable table = CsvTable.read(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv"));
        List<GalaxyPhotometry> out = new ArrayList<>();
        for (int r = 0; r < table.rows().size() && out.size() < count; r += every) {
            Set<String> limits = new HashSet<>(Arrays.asList(table.cell(r, "upper_limit_bands").split(";")));
            List<GalaxyPhotometry.BandFlux> fluxes = new ArrayList<>();
            for (String band : bands) {
                String f = table.cell(r, band + "_flux_uJy");
                String e = table.cell(r, band + "_fluxerr_uJy");
                if (f.isBlank() || e.isBlank()) {
                    continue;
                }
                double error = Double.parseDouble(e) / MICROJANSKY_PER_NANOMAGGY;
                fluxes.add(limits.contains(band)
                        ? GalaxyPhotometry.BandFlux.upperLimit(band, 1.5 * error, error)
                        : GalaxyPhotometry.BandFlux.detection(band, Double.parseDouble(f) / MICROJANSKY_PER_NANOMAGGY, error));
            }
            out.add(new GalaxyPhotometry(table.cell(r, "id"), fluxes, Map.of("spec_z", table.cell(r, "spec_z"))));
        }
        return out;
    }
}
