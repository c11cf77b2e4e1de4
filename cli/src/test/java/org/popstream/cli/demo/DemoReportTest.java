package org.popstream.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;

class DemoReportTest {

    @Test
    void metricsAndCoverageFollowTheDefinitions() {
        // spec-z 1, 2, 3, 3: medians 1.1 (Δ=0.05), 2.0 (0), 0.3 (outlier, Δ=-0.675), 3.3 (0.075)
        List<PosteriorSummary> summaries = List.of(
                summary("a", 1.0, 1.1, 0.9, 1.2, 0.8, 1.3),     // inside both
                summary("b", 2.0, 2.0, 1.95, 2.05, 1.9, 2.1),   // inside both
                summary("c", 3.0, 0.3, 0.2, 0.4, 0.1, 3.5),     // inside 95 only
                summary("d", 3.0, 3.3, 3.2, 3.4, 3.1, 3.5),     // inside neither
                summary("e", null, 1.0, 0.9, 1.1, 0.8, 1.2));   // no spec-z: not counted
        DemoReport report = DemoReport.of(summaries);

        assertEquals(4, report.metrics().count());
        assertEquals(1, report.withoutSpecZ());
        assertEquals(0.25, report.metrics().outlierFraction(), 1e-12);
        assertEquals((0.0 + 0.05) / 2, report.metrics().bias(), 1e-12);           // median of {-0.675, 0, 0.05, 0.075}
        assertEquals(1.48 * (0.05 + 0.075) / 2, report.metrics().sigmaNmad(), 1e-12);
        assertEquals(0.5, report.coverage68(), 1e-12);
        assertEquals(0.75, report.coverage95(), 1e-12);
        assertEquals(List.of(1.0, 2.0, 3.0, 3.0), toList(report.zSpec()));
    }

    @Test
    void refusesResultsWithoutAnySpectroscopicRedshift() {
        assertThrows(IllegalArgumentException.class,
                () -> DemoReport.of(List.of(summary("x", null, 1, 0.9, 1.1, 0.8, 1.2))));
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    static PosteriorSummary summary(String id, Double specZ, double p50, double p16, double p84, double p2, double p97) {
        QuantitySummary z = QuantitySummary.newBuilder().setName("z").setMean(p50).setStd(0.1).setP25(p2).setP16(p16)
                .setP50(p50).setP84(p84).setP975(p97).setMaxPosterior(p50).build();
        return PosteriorSummary.newBuilder().setGalaxyId(id).setSurvey("cosmos2020").setTileId("t").setSpecZ(specZ)
                .setQuantities(List.of(z)).setZQuantileLevels(List.of()).setZQuantiles(List.of())
                .setPQuenched10(0).setPQuenched11(0).setAcceptance(0.3).setTauMax(10).setEssMin(100).setConverged(true)
                .setStepsUsed(100).setNBands(26).setLnPosteriorMax(0)
                .setSettings(SamplerSettings.newBuilder().setWalkers(8).setSteps(100).setBurn(50).setThin(1).setSeed(1)
                        .setPrior("analytic").build())
                .setModelVersion("test")
                .setTimings(Timings.newBuilder().setEmittedAtMillis(0).setQueuedAtMillis(0).setInferenceMillis(0)
                        .setSummaryEmittedAtMillis(0).build())
                .setAttributes(Map.of()).build();
    }
}
