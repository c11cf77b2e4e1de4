package org.popstream.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.CsvTable;

/** The same table as CSV and as a FITS binary table must give identical rows and identical errors. */
class FitsCatalogueReaderTest {

    private static final Set<String> TEXT_COLUMNS = Set.of("id", "upper_limit_bands", "upper_limit_values_uJy", "source_file");
    private static final Set<String> INTEGER_COLUMNS = Set.of("n_upper_limits_main26");

    @TempDir Path temp;

    @Test
    void fitsAndCsvGiveIdenticalRows() throws Exception {
        CsvTable table = CsvTable.read(Catalogues.cosmos2020()).head(60)
                .withCell(10, "hsc_z_fluxerr_uJy", "-1"); // one bad row, which both must report alike
        Path csv = table.write(temp.resolve("subset.csv"));
        Path fits = writeFits(table, temp.resolve("subset.fits"));

        List<CatalogueEntry> fromCsv = Catalogues.readAll(csv);
        List<CatalogueEntry> fromFits = Catalogues.readAll(fits);

        assertEquals(60, fromFits.size());
        for (int i = 0; i < fromCsv.size(); i++) {
            // CSV counts file lines (header = 1), FITS counts table rows: row i+1 is line i+2.
            assertEquals(fromCsv.get(i).line(), fromFits.get(i).line() + 1);
            assertEquals(withoutLine(fromCsv.get(i)), withoutLine(fromFits.get(i)), "row " + (i + 1));
        }
        assertTrue(fromFits.get(10) instanceof RowError error && error.reason().contains("hsc_z_fluxerr_uJy"));
        assertEquals(59, fromFits.stream().filter(e -> e instanceof CatalogueRow).count());
    }

    /**
     * Drops the position, and writes numeric attributes in one canonical form: a number in a FITS
     * column has no text of its own ("2.84100" in the CSV is the double 2.841 in FITS).
     */
    private static CatalogueEntry withoutLine(CatalogueEntry entry) {
        if (entry instanceof CatalogueRow r) {
            Map<String, String> attributes = new TreeMap<>();
            r.attributes().forEach((key, value) -> attributes.put(key, canonicalNumber(value)));
            return new CatalogueRow(0, r.id(), r.ra(), r.dec(), r.specZ(), r.unit(), r.bands(), attributes);
        }
        RowError e = (RowError) entry;
        return new RowError(0, e.id(), e.reason());
    }

    private static String canonicalNumber(String text) {
        try {
            return Double.toString(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Text columns as FITS strings, counts as integers, the rest as doubles with NaN for empty cells (the FITS null convention). */
    static Path writeFits(CsvTable table, Path file) throws Exception {
        BinaryTable binary = new BinaryTable();
        for (String column : table.header()) {
            int c = table.column(column);
            if (TEXT_COLUMNS.contains(column)) {
                binary.addStringColumn(table.rows().stream().map(r -> r.get(c)).toArray(String[]::new));
            } else if (INTEGER_COLUMNS.contains(column)) {
                binary.addColumn(table.rows().stream().mapToInt(r -> Integer.parseInt(r.get(c))).toArray());
            } else {
                binary.addColumn(table.rows().stream()
                        .mapToDouble(r -> r.get(c).isEmpty() ? Double.NaN : Double.parseDouble(r.get(c))).toArray());
            }
        }
        BinaryTableHDU hdu = binary.toHDU();
        for (int c = 0; c < table.header().size(); c++) {
            hdu.setColumnName(c, table.header().get(c), null);
        }
        try (Fits fits = new Fits()) {
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        return file;
    }
}
