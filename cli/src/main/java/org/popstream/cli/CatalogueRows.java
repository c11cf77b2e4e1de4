package org.popstream.cli;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.catalogue.BandValue;
import org.popstream.catalogue.CatalogueRow;
import org.popstream.catalogue.FluxUnit;

/** Catalogue rows to the fitter's input: fluxes in nanomaggies, every non-band column as an attribute. */
final class CatalogueRows {
    private CatalogueRows() {}

    static GalaxyPhotometry toPhotometry(CatalogueRow row) {
        List<GalaxyPhotometry.BandFlux> bands = new ArrayList<>();
        for (BandValue v : row.bands()) {
            double error = row.unit().convert(v.error(), FluxUnit.NANOMAGGY);
            bands.add(v.isUpperLimit()
                    ? GalaxyPhotometry.BandFlux.upperLimit(v.band(), row.unit().convert(v.upperLimit(), FluxUnit.NANOMAGGY), error)
                    : GalaxyPhotometry.BandFlux.detection(v.band(), row.unit().convert(v.flux(), FluxUnit.NANOMAGGY), error));
        }
        return new GalaxyPhotometry(row.id(), bands, row.attributes());
    }
}
