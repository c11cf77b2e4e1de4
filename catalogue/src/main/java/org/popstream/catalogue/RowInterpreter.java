package org.popstream.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.popstream.catalogue.CatalogueLayout.BandColumns;
import org.popstream.catalogue.CatalogueLayout.Column;

/**
 * Turns the cells of one data row into a {@link CatalogueRow}, or a {@link RowError} listing every
 * problem found. One instance per file (it remembers ids to report duplicates).
 *
 * <p>Per band, in this order:
 * <ol>
 *   <li>a non-empty {@code _ulim_} cell: non-detection with that limit; the error is the
 *       {@code _fluxerr_} cell if given, else the limit (a 1σ limit);</li>
 *   <li>a non-empty {@code _flux_} cell: detection, any sign, with a required error > 0 — unless
 *       the band is listed in {@code upper_limit_bands} (COSMOS2020 convention: flux = 0,
 *       error = L/1.5), which makes it a non-detection with limit L taken from
 *       {@code upper_limit_values_uJy}, or 1.5 × error when that column lacks the band;</li>
 *   <li>a non-empty {@code _mag_AB} cell: magnitudes 99/−99 (|m| ≥ 90) are non-detections whose
 *       {@code _magerr_AB} cell holds the 1σ limiting magnitude, giving limit = error =
 *       10^((23.9 − m_lim)/2.5) µJy; when that cell is empty or also a sentinel, the band is not
 *       observed. Other magnitudes become flux 10^((23.9 − m)/2.5) µJy with error
 *       flux · ln10/2.5 · σ_m;</li>
 *   <li>otherwise the band is not observed.</li>
 * </ol>
 * Empty cells mean "not measured". NaN, infinities and text where a number belongs are errors.
 */
final class RowInterpreter {

    private static final double MAGNITUDE_SENTINEL = 90.0;
    /** COSMOS2020 file convention: non-detection error = L / 1.5 (see its README). */
    private static final double COSMOS_LIMIT_OVER_ERROR = 1.5;

    private final CatalogueLayout layout;
    private final Map<String, Long> firstLineOfId = new HashMap<>();

    RowInterpreter(CatalogueLayout layout) {
        this.layout = layout;
    }

    /** @param cells one entry per header column, null or blank = empty */
    CatalogueEntry interpret(long line, String[] cells) {
        if (cells.length != layout.header().size()) {
            return new RowError(line, null, "expected " + layout.header().size() + " cells, found " + cells.length);
        }
        Problems problems = new Problems();
        String id = text(cells, layout.idIndex());
        if (id == null) {
            problems.add("missing id");
        } else {
            Long first = firstLineOfId.putIfAbsent(id, line);
            if (first != null) {
                problems.add("duplicate id " + id + " (first seen at " + first + ")");
            }
        }
        OptionalDouble ra = optionalNumber(cells, layout.raIndex(), problems);
        OptionalDouble dec = optionalNumber(cells, layout.decIndex(), problems);
        OptionalDouble specZ = optionalNumber(cells, layout.specZIndex(), problems);

        Set<String> limitBands = limitBands(cells);
        Map<String, Double> limitValues = limitValues(cells, problems);
        List<BandValue> bands = new ArrayList<>();
        for (BandColumns columns : layout.bandColumns()) {
            BandValue value = band(columns, cells, limitBands, limitValues, problems);
            if (value != null) {
                bands.add(value);
            }
        }
        if (bands.isEmpty() && problems.isEmpty()) {
            problems.add("no observed band of survey " + layout.survey().name());
        }
        if (!problems.isEmpty()) {
            return new RowError(line, id, problems.joined());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Column column : layout.attributeColumns()) {
            String value = text(cells, column.index());
            if (value != null) {
                attributes.put(column.name(), value);
            }
        }
        return new CatalogueRow(line, id, ra, dec, specZ, layout.unit(), bands, attributes);
    }

    private BandValue band(BandColumns c, String[] cells, Set<String> limitBands, Map<String, Double> limitValues,
            Problems problems) {
        FluxUnit out = layout.unit();
        if (c.upperLimit() != null && text(cells, c.upperLimit().index()) != null) {
            boolean hasError = c.fluxErr() != null && text(cells, c.fluxErr().index()) != null;
            Column errorColumn = hasError ? c.fluxErr() : c.upperLimit();
            Double limit = number(cells, c.upperLimit(), problems);
            Double error = hasError ? number(cells, c.fluxErr(), problems) : limit;
            if (limit == null || error == null) {
                return null;
            }
            boolean limitOk = requirePositive(c.upperLimit(), limit, "limit", problems);
            boolean errorOk = !hasError || requirePositive(c.fluxErr(), error, "error", problems);
            if (!limitOk || !errorOk) {
                return null;
            }
            return BandValue.upperLimit(c.band(), c.upperLimit().unit().convert(limit, out), errorColumn.unit().convert(error, out));
        }
        if (c.flux() != null && text(cells, c.flux().index()) != null) {
            Double flux = number(cells, c.flux(), problems);
            if (text(cells, c.fluxErr().index()) == null) {
                problems.add(c.flux().name() + " has no error (" + c.fluxErr().name() + " is empty)");
                return null;
            }
            Double error = number(cells, c.fluxErr(), problems);
            if (flux == null || error == null || !requirePositive(c.fluxErr(), error, "error", problems)) {
                return null;
            }
            double errorOut = c.fluxErr().unit().convert(error, out);
            if (limitBands.contains(c.band())) {
                Double listed = limitValues.get(c.band());
                double limit = listed != null ? FluxUnit.MICROJANSKY.convert(listed, out) : COSMOS_LIMIT_OVER_ERROR * errorOut;
                return BandValue.upperLimit(c.band(), limit, errorOut);
            }
            return BandValue.detection(c.band(), c.flux().unit().convert(flux, out), errorOut);
        }
        if (c.mag() != null && text(cells, c.mag().index()) != null) {
            return magnitude(c, cells, problems);
        }
        return null;
    }

    private BandValue magnitude(BandColumns c, String[] cells, Problems problems) {
        FluxUnit out = layout.unit();
        Double mag = number(cells, c.mag(), problems);
        Double magErr = text(cells, c.magErr().index()) == null ? null : number(cells, c.magErr(), problems);
        if (mag == null) {
            return null;
        }
        if (Math.abs(mag) >= MAGNITUDE_SENTINEL) {
            if (magErr == null || Math.abs(magErr) >= MAGNITUDE_SENTINEL || magErr <= 0) {
                return null; // "not observed" in the 99/-99 convention: no limit to use
            }
            double limit = FluxUnit.MICROJANSKY.convert(FluxUnit.abMagnitudeToMicroJansky(magErr), out);
            return BandValue.upperLimit(c.band(), limit, limit);
        }
        if (magErr == null) {
            problems.add(c.mag().name() + " has no error (" + c.magErr().name() + " is empty)");
            return null;
        }
        if (!requirePositive(c.magErr(), magErr, "error", problems)) {
            return null;
        }
        double flux = FluxUnit.MICROJANSKY.convert(FluxUnit.abMagnitudeToMicroJansky(mag), out);
        return BandValue.detection(c.band(), flux, flux * Math.log(10.0) / 2.5 * magErr);
    }

    private Set<String> limitBands(String[] cells) {
        String listed = layout.upperLimitBandsIndex() < 0 ? null : text(cells, layout.upperLimitBandsIndex());
        Set<String> bands = new HashSet<>();
        if (listed != null) {
            for (String band : listed.split(";")) {
                if (!band.isBlank()) {
                    bands.add(band.trim());
                }
            }
        }
        return bands;
    }

    /** {@code band:value;band:value} in µJy. */
    private Map<String, Double> limitValues(String[] cells, Problems problems) {
        String listed = layout.upperLimitValuesIndex() < 0 ? null : text(cells, layout.upperLimitValuesIndex());
        Map<String, Double> values = new HashMap<>();
        if (listed == null) {
            return values;
        }
        for (String entry : listed.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            Double value = colon < 0 ? null : parse(entry.substring(colon + 1).trim());
            if (value == null || !Double.isFinite(value) || value < 0) {
                problems.add(CatalogueLayout.UPPER_LIMIT_VALUES + ": bad entry '" + entry.trim() + "' (expected band:value, value ≥ 0)");
                continue;
            }
            values.put(entry.substring(0, colon).trim(), value);
        }
        return values;
    }

    private OptionalDouble optionalNumber(String[] cells, int index, Problems problems) {
        if (index < 0 || text(cells, index) == null) {
            return OptionalDouble.empty();
        }
        Double value = parse(text(cells, index));
        if (value == null || !Double.isFinite(value)) {
            problems.add(layout.header().get(index) + ": not a finite number: '" + text(cells, index) + "'");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value);
    }

    /** The cell as a finite number, or null after recording why not. */
    private static Double number(String[] cells, Column column, Problems problems) {
        String text = text(cells, column.index());
        Double value = parse(text);
        if (value == null) {
            problems.add(column.name() + ": not a number: '" + text + "'");
            return null;
        }
        if (!Double.isFinite(value)) {
            problems.add(column.name() + ": " + text + " is not a finite value");
            return null;
        }
        return value;
    }

    private static boolean requirePositive(Column column, double value, String what, Problems problems) {
        if (value > 0) {
            return true;
        }
        problems.add(column.name() + ": " + what + " must be > 0, got " + value);
        return false;
    }

    private static Double parse(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String[] cells, int index) {
        String cell = cells[index];
        if (cell == null) {
            return null;
        }
        String trimmed = cell.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Every problem of a row, reported together so one fix-and-rerun cycle suffices. */
    private static final class Problems {
        private final List<String> messages = new ArrayList<>();

        void add(String message) {
            messages.add(message);
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        String joined() {
            return String.join("; ", messages);
        }
    }
}
