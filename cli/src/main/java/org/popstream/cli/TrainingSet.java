package org.popstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.catalogue.CatalogueEntry;
import org.popstream.catalogue.CatalogueFormatException;
import org.popstream.catalogue.CatalogueReader;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.RowError;
import org.popstream.catalogue.Survey;

/**
 * Galaxies with a known redshift read from a catalogue, fluxes in nanomaggies. Rows the reader rejects
 * and rows without a usable redshift are reported (with their line) and left out, never dropped silently.
 */
record TrainingSet(List<GalaxyPhotometry> galaxies, double[] redshifts, int rejected) {

    static TrainingSet read(Path file, Survey survey, String specZColumn, PrintWriter report)
            throws IOException, CatalogueFormatException {
        List<GalaxyPhotometry> galaxies = new ArrayList<>();
        List<Double> redshifts = new ArrayList<>();
        int rejected = 0;
        try (CatalogueReader reader = CatalogueReader.open(file, survey)) {
            while (reader.hasNext()) {
                CatalogueEntry entry = reader.next();
                String where = file.getFileName() + " " + reader.positionName() + " " + entry.line();
                if (entry instanceof RowError error) {
                    report.println(where + ": skipped: " + error.reason());
                    rejected++;
                    continue;
                }
                CatalogueRow row = (CatalogueRow) entry;
                double z = redshift(row, specZColumn);
                if (!(z > 0) || !Double.isFinite(z)) {
                    report.println(where + " (id " + row.id() + "): skipped: no usable " + specZColumn + " (got '"
                            + row.attributes().getOrDefault(specZColumn, "") + "')");
                    rejected++;
                    continue;
                }
                galaxies.add(CatalogueRows.toPhotometry(row));
                redshifts.add(z);
            }
        }
        return new TrainingSet(galaxies, redshifts.stream().mapToDouble(Double::doubleValue).toArray(), rejected);
    }

    private static double redshift(CatalogueRow row, String column) {
        String cell = row.attributes().get(column);
        if (cell != null) {
            try {
                return Double.parseDouble(cell.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return "spec_z".equals(column) && row.specZ().isPresent() ? row.specZ().getAsDouble() : Double.NaN;
    }
}
