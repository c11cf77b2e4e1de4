package org.popstream.job.validation;

import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.GalaxyPhotometry.BandFlux;

/**
 * A galaxy that passed validation: usable bands in nanomaggies plus what its summary must carry
 * (survey, tile, timings) and where it came from (for an INFERENCE_FAILED dead letter).
 */
public record ValidGalaxy(
        String galaxyId,
        String survey,
        String tileId,
        Double specZ,
        long emittedAtMillis,
        List<BandFlux> bands,
        Map<String, String> attributes,
        String sourceTopic,
        int partition,
        long offset,
        byte[] originalBytes) {

    public GalaxyPhotometry photometry() {
        return new GalaxyPhotometry(galaxyId, bands, attributes);
    }
}
