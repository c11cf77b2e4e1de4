package org.popstream.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each column of a catalogue means, decided once from the header (column names), shared by
 * the CSV and FITS readers. Conventions (see {@code shared/data/*}/README.md):
 *
 * <ul>
 *   <li>{@code id}: galaxy id (required, case-insensitive);</li>
 *   <li>{@code <band>_flux_<unit>}, {@code <band>_fluxerr_<unit>}, optional {@code <band>_ulim_<unit>},
 *       unit one of uJy, nJy, mJy, nmgy;</li>
 *   <li>{@code <band>_mag_AB}, {@code <band>_magerr_AB}: AB magnitudes, used for a band when its flux
 *       cell is empty or it has no flux columns;</li>
 *   <li>{@code ra}/{@code ra_deg}, {@code dec}/{@code dec_deg}, {@code spec_z}/{@code specz}/{@code z_spec}
 *       parsed as numbers, and kept as attributes like every other non-band column;</li>
 *   <li>{@code upper_limit_bands}, {@code upper_limit_values_uJy}: the COSMOS2020 non-detection
 *       columns (see {@link RowInterpreter}).</li>
 * </ul>
 *
 * Band columns of bands the survey does not have are ignored; {@link #ignoredColumns()} lists them
 * for the single warning the reader gives.
 */
public final class CatalogueLayout {

    static final String UPPER_LIMIT_BANDS = "upper_limit_bands";
    static final String UPPER_LIMIT_VALUES = "upper_limit_values_uJy";

    private static final Pattern FLUX_COLUMN = Pattern.compile("^(.+)_(flux|fluxerr|ulim)_(uJy|nJy|mJy|nmgy)$");
    private static final Pattern MAG_COLUMN = Pattern.compile("^(.+)_(mag|magerr)_AB$");

    /** Column index with its unit (unit null for magnitudes). */
    record Column(int index, String name, FluxUnit unit) {}

    /** The columns of one survey band; absent ones are null. */
    record BandColumns(String band, Column flux, Column fluxErr, Column upperLimit, Column mag, Column magErr) {}

    private final Survey survey;
    private final List<String> header;
    private final int idIndex;
    private final int raIndex;
    private final int decIndex;
    private final int specZIndex;
    private final int upperLimitBandsIndex;
    private final int upperLimitValuesIndex;
    private final List<BandColumns> bands;
    private final List<Column> attributes;
    private final List<String> ignoredColumns;
    private final FluxUnit unit;

    private CatalogueLayout(Survey survey, List<String> header, int idIndex, int raIndex, int decIndex, int specZIndex,
            int upperLimitBandsIndex, int upperLimitValuesIndex, List<BandColumns> bands, List<Column> attributes,
            List<String> ignoredColumns, FluxUnit unit) {
        this.survey = survey;
        this.header = header;
        this.idIndex = idIndex;
        this.raIndex = raIndex;
        this.decIndex = decIndex;
        this.specZIndex = specZIndex;
        this.upperLimitBandsIndex = upperLimitBandsIndex;
        this.upperLimitValuesIndex = upperLimitValuesIndex;
        this.bands = bands;
        this.attributes = attributes;
        this.ignoredColumns = ignoredColumns;
        this.unit = unit;
    }

    /** Decides what each column means; fails when the file cannot describe galaxies of {@code survey}. */
    public static CatalogueLayout of(Path file, List<String> header, Survey survey) throws CatalogueFormatException {
        int idIndex = -1;
        int ra = -1;
        int dec = -1;
        int specZ = -1;
        int ulBands = -1;
        int ulValues = -1;
        Map<String, Map<String, Column>> byBand = new LinkedHashMap<>();
        List<Column> attributes = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<FluxUnit> units = EnumSet.noneOf(FluxUnit.class);

        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            Matcher flux = FLUX_COLUMN.matcher(name);
            Matcher mag = MAG_COLUMN.matcher(name);
            String band = flux.matches() ? flux.group(1) : mag.matches() ? mag.group(1) : null;
            if (band != null) {
                if (!survey.hasBand(band)) {
                    ignored.add(name);
                    continue;
                }
                String kind = flux.matches() ? flux.group(2) : mag.group(2);
                FluxUnit unit = flux.matches() ? FluxUnit.fromSuffix(flux.group(3)).orElseThrow() : null;
                if (unit != null) {
                    units.add(unit);
                }
                Column previous = byBand.computeIfAbsent(band, b -> new LinkedHashMap<>()).put(kind, new Column(i, name, unit));
                if (previous != null) {
                    throw new CatalogueFormatException(file, "band " + band + " has two " + kind + " columns: "
                            + previous.name() + " and " + name);
                }
                continue;
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "id" -> {
                    if (idIndex >= 0) {
                        throw new CatalogueFormatException(file, "two id columns");
                    }
                    idIndex = i;
                    continue;
                }
                case "ra", "ra_deg" -> ra = i;
                case "dec", "dec_deg" -> dec = i;
                case "spec_z", "specz", "z_spec" -> specZ = i;
                default -> { }
            }
            if (name.equals(UPPER_LIMIT_BANDS)) {
                ulBands = i;
            } else if (name.equals(UPPER_LIMIT_VALUES)) {
                ulValues = i;
            }
            attributes.add(new Column(i, name, null));
        }
        if (idIndex < 0) {
            throw new CatalogueFormatException(file, "no id column (columns: " + abbreviate(header) + ")");
        }
        List<BandColumns> bands = new ArrayList<>();
        for (String band : survey.bands()) {
            Map<String, Column> columns = byBand.get(band);
            if (columns == null) {
                continue;
            }
            BandColumns bandColumns = new BandColumns(band, columns.get("flux"), columns.get("fluxerr"),
                    columns.get("ulim"), columns.get("mag"), columns.get("magerr"));
            if (bandColumns.flux() != null && bandColumns.fluxErr() == null) {
                throw new CatalogueFormatException(file, "column " + bandColumns.flux().name() + " has no matching "
                        + band + "_fluxerr_<unit> column");
            }
            if ((bandColumns.mag() == null) != (bandColumns.magErr() == null)) {
                throw new CatalogueFormatException(file, "band " + band + " needs both " + band + "_mag_AB and "
                        + band + "_magerr_AB columns");
            }
            if (bandColumns.flux() == null && bandColumns.upperLimit() == null && bandColumns.mag() == null) {
                throw new CatalogueFormatException(file, "band " + band + " has an error column but no flux, limit or magnitude column");
            }
            bands.add(bandColumns);
        }
        if (bands.isEmpty()) {
            throw new CatalogueFormatException(file, "no band column of survey " + survey.name() + " (expected e.g. "
                    + survey.bands().get(0) + "_flux_uJy; ignored band columns: " + abbreviate(ignored) + ")");
        }
        // One unit per event: the file's own when all flux columns agree, µJy otherwise (and for magnitudes).
        FluxUnit unit = units.size() == 1 ? units.iterator().next() : FluxUnit.MICROJANSKY;
        return new CatalogueLayout(survey, List.copyOf(header), idIndex, ra, dec, specZ, ulBands, ulValues,
                List.copyOf(bands), List.copyOf(attributes), List.copyOf(ignored), unit);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + ", … (" + names.size() + " in all)";
    }

    public Survey survey() {
        return survey;
    }

    public List<String> header() {
        return header;
    }

    /** Unit of every flux, error and limit in the rows read with this layout. */
    public FluxUnit unit() {
        return unit;
    }

    /** Survey bands the file has columns for, in survey order. */
    public List<String> bands() {
        return bands.stream().map(BandColumns::band).toList();
    }

    /** Band columns of bands the survey has no emulator for; skipped. */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** The one warning about ignored columns, or empty when nothing is ignored. */
    public String ignoredColumnsWarning() {
        if (ignoredColumns.isEmpty()) {
            return "";
        }
        Map<String, Integer> perBand = new TreeMap<>();
        for (String column : ignoredColumns) {
            Matcher flux = FLUX_COLUMN.matcher(column);
            Matcher mag = MAG_COLUMN.matcher(column);
            perBand.merge(flux.matches() ? flux.group(1) : mag.matches() ? mag.group(1) : column, 1, Integer::sum);
        }
        return ignoredColumns.size() + " columns of bands that survey " + survey.name()
                + " has no emulator for are ignored: " + String.join(", ", perBand.keySet());
    }

    int idIndex() {
        return idIndex;
    }

    int raIndex() {
        return raIndex;
    }

    int decIndex() {
        return decIndex;
    }

    int specZIndex() {
        return specZIndex;
    }

    int upperLimitBandsIndex() {
        return upperLimitBandsIndex;
    }

    int upperLimitValuesIndex() {
        return upperLimitValuesIndex;
    }

    List<BandColumns> bandColumns() {
        return bands;
    }

    List<Column> attributeColumns() {
        return attributes;
    }
}
