package org.popstream.catalogue.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.testing.Summaries;

class PosteriorCsvFormatTest {

    @Test
    void columnsFollowTheFitCommandsLayout() {
        PosteriorCsvFormat format = PosteriorCsvFormat.of(Summaries.summary("g1", 3.0));
        assertEquals(List.of("id",
                "z_mean", "z_std", "z_p2_5", "z_p16", "z_p50", "z_p84", "z_p97_5",
                "log10Mstar_mean", "log10Mstar_std", "log10Mstar_p2_5", "log10Mstar_p16", "log10Mstar_p50",
                "log10Mstar_p84", "log10Mstar_p97_5",
                "p_quenched_10", "p_quenched_11", "acceptance", "tau_max", "ess_min", "converged", "steps_used", "n_bands",
                "lnpost_max", "source_file", "spec_z"), format.header());
    }

    @Test
    void cellsReadBackToTheSameValues() {
        PosteriorSummary summary = Summaries.summary("g7", 2.9);
        PosteriorCsvFormat format = PosteriorCsvFormat.of(summary);
        List<String> row = format.row(summary);
        assertEquals(format.header().size(), row.size());
        assertEquals("g7", row.get(0));
        QuantitySummary z = summary.getQuantities().get(0);
        assertEquals(List.of(z.getMean(), z.getStd(), z.getP25(), z.getP16(), z.getP50(), z.getP84(), z.getP975()),
                row.subList(1, 8).stream().map(Double::parseDouble).toList());
        assertEquals("true", row.get(format.header().indexOf("converged")));
        assertEquals("1500", row.get(format.header().indexOf("steps_used")));
        assertEquals("fg7", row.get(format.header().indexOf("source_file")));
    }

    @Test
    void attributesFollowTheHeaderAndQuantitiesMustMatch() {
        PosteriorCsvFormat format = new PosteriorCsvFormat(List.of("z", "log10Mstar"), List.of("field", "spec_z"));
        PosteriorSummary summary = Summaries.summary("g1", 3.0);
        List<String> row = format.row(summary);
        assertEquals("", row.get(format.header().indexOf("field")), "absent attribute = empty cell");
        assertEquals(List.of("source_file"), format.unknownAttributes(summary));

        PosteriorCsvFormat other = new PosteriorCsvFormat(List.of("z"), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.row(summary));
        assertEquals("galaxy g1 has quantities [z, log10Mstar], but this CSV has columns for [z]", e.getMessage());
    }
}
