package org.popstream.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.CsvTable;

class CsvCatalogueReaderTest {

    @TempDir Path temp;

    @Test
    void readsEveryRowOfTheSharedCosmosCatalogueWithTheFilesOwnValues() throws Exception {
        CsvTable table = CsvTable.read(Catalogues.cosmos2020());
        List<CatalogueEntry> entries = Catalogues.readAll(Catalogues.cosmos2020());

        assertEquals(table.rows().size(), entries.size());
        assertTrue(entries.stream().allMatch(e -> e instanceof CatalogueRow), "the shared file has no bad rows");
        for (int i = 0; i < entries.size(); i += 97) {
            CatalogueRow row = (CatalogueRow) entries.get(i);
            assertEquals(i + 2L, row.line(), "header is line 1");
            assertEquals(table.cell(i, "id"), row.id());
            assertEquals(Double.parseDouble(table.cell(i, "spec_z")), row.specZ().getAsDouble());
            assertEquals(table.cell(i, "source_file"), row.attributes().get("source_file"));
            assertEquals(FluxUnit.MICROJANSKY, row.unit());
            assertBandsMatchCells(table, i, row);
        }
    }

    /** Detections carry the cells' flux and error; listed non-detections carry L from upper_limit_values_uJy. */
    private static void assertBandsMatchCells(CsvTable table, int i, CatalogueRow row) {
        Map<String, Double> limits = new HashMap<>();
        String listed = table.cell(i, "upper_limit_values_uJy");
        for (String entry : listed.isEmpty() ? new String[0] : listed.split(";")) {
            limits.put(entry.substring(0, entry.lastIndexOf(':')), Double.parseDouble(entry.substring(entry.lastIndexOf(':') + 1)));
        }
        List<String> limitBands = List.of(table.cell(i, "upper_limit_bands").split(";"));
        int observed = 0;
        for (String band : Survey.COSMOS2020.bands()) {
            String flux = table.cell(i, band + "_flux_uJy");
            if (flux.isEmpty()) {
                assertTrue(row.bands().stream().noneMatch(b -> b.band().equals(band)), band + " is not observed");
                continue;
            }
            BandValue value = row.bands().get(observed++);
            assertEquals(band, value.band());
            assertEquals(Double.parseDouble(table.cell(i, band + "_fluxerr_uJy")), value.error());
            if (limitBands.contains(band)) {
                assertTrue(value.isUpperLimit());
                assertEquals(limits.getOrDefault(band, 1.5 * value.error()), value.upperLimit());
            } else {
                assertEquals(Double.parseDouble(flux), value.flux());
            }
        }
        assertEquals(observed, row.bands().size());
    }

    @Test
    void extraBandsAreIgnoredNotErrors() throws Exception {
        try (CatalogueReader reader = CatalogueReader.open(Catalogues.cosmos2020(), Survey.COSMOS2020)) {
            assertEquals(Survey.COSMOS2020.bands(), reader.layout().bands());
            assertEquals(18, reader.layout().ignoredColumns().size(), "9 extra bands × (flux, fluxerr)");
            assertTrue(reader.layout().ignoredColumnsWarning().contains("acs_f814w"));
            assertEquals(2657, reader.rowCount());
        }
    }

    @Test
    void badRowsAreReportedWithLineNumberAndReason() throws Exception {
        CsvTable table = CsvTable.read(Catalogues.cosmos2020()).head(8)
                .withCell(0, "hsc_g_flux_uJy", "abc")
                .withCell(1, "hsc_r_fluxerr_uJy", "-0.1")
                .withCell(2, "hsc_i_flux_uJy", "NaN")
                .withCell(3, "id", "")
                .withCell(5, "irac1_cosmos_fluxerr_uJy", "0");
        String duplicate = table.cell(4, "id");
        table = table.withCell(6, "id", duplicate);
        Path file = table.write(temp.resolve("bad.csv"));

        List<CatalogueEntry> entries = Catalogues.readAll(file);

        assertEquals(8, entries.size());
        assertError(entries.get(0), 2, "hsc_g_flux_uJy: not a number: 'abc'");
        assertError(entries.get(1), 3, "hsc_r_fluxerr_uJy: error must be > 0, got -0.1");
        assertError(entries.get(2), 4, "hsc_i_flux_uJy: NaN is not a finite value");
        assertError(entries.get(3), 5, "missing id");
        assertNull(((RowError) entries.get(3)).id());
        assertInstanceOf(CatalogueRow.class, entries.get(4));
        assertError(entries.get(5), 7, "irac1_cosmos_fluxerr_uJy: error must be > 0, got 0.0");
        assertError(entries.get(6), 8, "duplicate id " + duplicate + " (first seen at 6)");
        assertInstanceOf(CatalogueRow.class, entries.get(7));
    }

    private static void assertError(CatalogueEntry entry, long line, String reason) {
        RowError error = assertInstanceOf(RowError.class, entry);
        assertEquals(line, error.line());
        assertTrue(error.reason().contains(reason), error.reason());
    }

    @Test
    void unitsAreConvertedToOneUnitPerFile() throws Exception {
        Path mixed = Files.writeString(temp.resolve("mixed.csv"), String.join("\n",
                "id,hsc_g_flux_nJy,hsc_g_fluxerr_nJy,hsc_r_flux_mJy,hsc_r_fluxerr_mJy,hsc_i_flux_nmgy,hsc_i_fluxerr_nmgy,hsc_z_ulim_uJy",
                "g1,250,20,0.002,0.0001,1.0,0.5,0.3", ""));
        CatalogueRow row = (CatalogueRow) Catalogues.readAll(mixed).get(0);
        assertEquals(FluxUnit.MICROJANSKY, row.unit());
        assertEquals(rounded(List.of(
                BandValue.detection("hsc_g", 0.25, 0.02),
                BandValue.detection("hsc_r", 2.0, 0.1),
                BandValue.detection("hsc_i", 3.631, 1.8155),
                BandValue.upperLimit("hsc_z", 0.3, 0.3))), rounded(row.bands()));

        Path nano = Files.writeString(temp.resolve("nano.csv"), "id,hsc_g_flux_nJy,hsc_g_fluxerr_nJy\ng1,250,20\n");
        CatalogueRow nanoRow = (CatalogueRow) Catalogues.readAll(nano).get(0);
        assertEquals(FluxUnit.NANOJANSKY, nanoRow.unit(), "a file in one unit keeps it");
        assertEquals(List.of(BandValue.detection("hsc_g", 250, 20)), nanoRow.bands());
    }

    @Test
    void abMagnitudesAndTheirNonDetections() throws Exception {
        Path mags = Files.writeString(temp.resolve("mags.csv"), String.join("\n",
                "id,hsc_g_mag_AB,hsc_g_magerr_AB,hsc_r_mag_AB,hsc_r_magerr_AB,hsc_i_mag_AB,hsc_i_magerr_AB",
                "g1,23.9,0.1,99,26.4,-99,-99", ""));
        CatalogueRow row = (CatalogueRow) Catalogues.readAll(mags).get(0);
        double limit = Math.pow(10, (23.9 - 26.4) / 2.5);
        assertEquals(rounded(List.of(
                BandValue.detection("hsc_g", 1.0, Math.log(10) / 2.5 * 0.1),
                BandValue.upperLimit("hsc_r", limit, limit))), rounded(row.bands()),
                "99 with a limiting magnitude is an upper limit; -99/-99 is not observed");
    }

    @Test
    void fileLevelProblemsNameTheFile() throws Exception {
        Path noId = Files.writeString(temp.resolve("noid.csv"), "name,hsc_g_flux_uJy,hsc_g_fluxerr_uJy\na,1,1\n");
        CatalogueFormatException e = assertThrows(CatalogueFormatException.class, () -> Catalogues.readAll(noId));
        assertTrue(e.getMessage().contains("noid.csv") && e.getMessage().contains("no id column"), e.getMessage());

        Path otherSurvey = Files.writeString(temp.resolve("lsst.csv"), "id,lsst_g_flux_uJy,lsst_g_fluxerr_uJy\na,1,1\n");
        e = assertThrows(CatalogueFormatException.class, () -> Catalogues.readAll(otherSurvey));
        assertTrue(e.getMessage().contains("no band column of survey cosmos2020"), e.getMessage());

        Path noError = Files.writeString(temp.resolve("noerr.csv"), "id,hsc_g_flux_uJy\na,1\n");
        e = assertThrows(CatalogueFormatException.class, () -> Catalogues.readAll(noError));
        assertTrue(e.getMessage().contains("hsc_g_flux_uJy has no matching hsc_g_fluxerr_<unit> column"), e.getMessage());
    }

    /** Unit conversions multiply by decimal factors; compare at 12 significant digits. */
    private static List<BandValue> rounded(List<BandValue> bands) {
        return bands.stream().map(b -> new BandValue(b.band(), round(b.flux()), round(b.error()), round(b.upperLimit()))).toList();
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Double.parseDouble(String.format("%.12g", v));
    }
}
