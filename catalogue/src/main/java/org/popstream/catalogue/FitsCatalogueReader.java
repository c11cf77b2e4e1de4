package org.popstream.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTable.ColumnDesc;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first binary-table extension of a FITS file, with the same column-name conventions as the
 * CSV catalogues (TTYPEn = column name). Cells become text for {@link RowInterpreter}: NaN in a
 * floating-point column and TNULLn in an integer column are empty cells (FITS's own null
 * conventions), strings are trimmed, and vector columns (several values per row) are ignored
 * with a warning.
 */
public final class FitsCatalogueReader implements CatalogueReader {

    private static final Logger LOG = LoggerFactory.getLogger(FitsCatalogueReader.class);

    private final Path file;
    private final Fits fits;
    private final BinaryTable table;
    private final Header header;
    private final CatalogueLayout layout;
    private final RowInterpreter interpreter;
    private final int rows;
    private int nextRow;

    private FitsCatalogueReader(Path file, Fits fits, BinaryTableHDU hdu, CatalogueLayout layout) throws FitsException {
        this.file = file;
        this.fits = fits;
        this.table = hdu.getData();
        this.header = hdu.getHeader();
        this.layout = layout;
        this.interpreter = new RowInterpreter(layout);
        this.rows = table.getNRows();
    }

    public static FitsCatalogueReader open(Path file, Survey survey) throws IOException, CatalogueFormatException {
        Fits fits = new Fits(file.toFile());
        try {
            BinaryTableHDU hdu = firstBinaryTable(file, fits);
            List<String> names = new ArrayList<>();
            List<String> vectors = new ArrayList<>();
            for (int col = 0; col < hdu.getNCols(); col++) {
                String name = hdu.getColumnName(col);
                names.add(name == null ? "col" + (col + 1) : name.trim());
                ColumnDesc desc = hdu.getData().getDescriptor(col);
                if (!desc.isString() && !desc.isSingleton()) {
                    vectors.add(names.get(col));
                }
            }
            if (!vectors.isEmpty()) {
                LOG.warn("{}: vector columns are ignored: {}", file.getFileName(), String.join(", ", vectors));
            }
            CatalogueLayout layout = CatalogueLayout.of(file, names, survey);
            if (!layout.ignoredColumnsWarning().isEmpty()) {
                LOG.warn("{}: {}", file.getFileName(), layout.ignoredColumnsWarning());
            }
            return new FitsCatalogueReader(file, fits, hdu, layout);
        } catch (FitsException e) {
            fits.close();
            throw new CatalogueFormatException(file, "not a readable FITS file: " + e.getMessage(), e);
        } catch (CatalogueFormatException | IOException | RuntimeException e) {
            fits.close();
            throw e;
        }
    }

    private static BinaryTableHDU firstBinaryTable(Path file, Fits fits) throws FitsException, IOException, CatalogueFormatException {
        for (BasicHDU<?> hdu = fits.readHDU(); hdu != null; hdu = fits.readHDU()) {
            if (hdu instanceof BinaryTableHDU table) {
                return table;
            }
        }
        throw new CatalogueFormatException(file, "no binary table extension");
    }

    @Override
    public boolean hasNext() {
        return nextRow < rows;
    }

    @Override
    public CatalogueEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int row = nextRow++;
        String[] cells = new String[layout.header().size()];
        try {
            for (int col = 0; col < cells.length; col++) {
                cells[col] = cell(row, col);
            }
        } catch (FitsException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot read table row " + (row + 1), e));
        }
        return interpreter.interpret(row + 1L, cells);
    }

    private String cell(int row, int col) throws FitsException {
        ColumnDesc desc = table.getDescriptor(col);
        if (desc.isString()) {
            return table.getString(row, col);
        }
        if (!desc.isSingleton()) {
            return null;
        }
        if (desc.isLogical()) {
            Object value = table.get(row, col);
            return value == null ? null : value.toString();
        }
        Class<?> base = desc.getElementClass();
        if (base == double.class || base == float.class) {
            double value = table.getDouble(row, col);
            if (Double.isNaN(value)) {
                return null;
            }
            // float columns: print the float's own shortest form, not its widened double's digits
            return base == float.class ? Float.toString((float) value) : Double.toString(value);
        }
        long value = table.getLong(row, col);
        String nullKey = "TNULL" + (col + 1);
        if (header.containsKey(nullKey) && header.getLongValue(nullKey) == value) {
            return null;
        }
        return Long.toString(value);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public CatalogueLayout layout() {
        return layout;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public String positionName() {
        return "row";
    }

    @Override
    public void close() throws IOException {
        fits.close();
    }
}
