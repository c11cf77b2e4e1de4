package org.popstream.job.cli;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.Timings;

/** PosteriorResult → the Avro records whose CSV forms {@code fit} shares with {@code tail}. */
final class PosteriorRecords {
    private PosteriorRecords() {}

    static PosteriorSummary summary(PosteriorResult r, FittingContext context, String modelVersion) {
        List<QuantitySummary> quantities = new ArrayList<>();
        for (PosteriorResult.QuantitySummary q : r.quantities()) {
            quantities.add(new QuantitySummary(q.name(), q.mean(), q.std(), q.p2_5(), q.p16(), q.p50(), q.p84(), q.p97_5(),
                    q.maxPosterior()));
        }
        var s = context.settings();
        String specZ = r.attributes().get("spec_z");
        Double z = null;
        try {
            z = specZ == null ? null : Double.valueOf(specZ);
        } catch (NumberFormatException ignored) {
            // a non-numeric spec_z still travels as an attribute
        }
        long now = System.currentTimeMillis();
        return PosteriorSummary.newBuilder()
                .setGalaxyId(r.galaxyId())
                .setSurvey("cosmos2020")
                .setTileId("")
                .setSpecZ(z)
                .setQuantities(quantities)
                .setZQuantileLevels(boxed(r.zQuantileLevels()))
                .setZQuantiles(boxed(r.zQuantiles()))
                .setPQuenched10(r.pQuenched10())
                .setPQuenched11(r.pQuenched11())
                .setAcceptance(r.acceptance())
                .setTauMax(r.tauMax())
                .setEssMin(r.essMin())
                .setConverged(r.converged())
                .setStepsUsed(r.stepsUsed())
                .setNBands(r.nBands())
                .setLnPosteriorMax(r.lnPosteriorMax())
                .setSettings(new org.popstream.schemas.SamplerSettings(s.sampler().walkers(), s.sampler().steps(),
                        s.sampler().burn(), s.sampler().thin(), s.seed(), context.prior().description(), s.sampler().earlyStop()))
                .setModelVersion(modelVersion)
                .setTimings(new Timings(now, now, r.inferenceMillis(), now))
                .setAttributes(new java.util.HashMap<>(r.attributes()))
                .build();
    }

    static PosteriorSamples samples(PosteriorResult r, String modelVersion) {
        List<List<Float>> draws = new ArrayList<>();
        for (float[] row : r.samples()) {
            List<Float> d = new ArrayList<>(row.length);
            for (float v : row) {
                d.add(v);
            }
            draws.add(d);
        }
        return PosteriorSamples.newBuilder().setGalaxyId(r.galaxyId()).setParameterNames(new ArrayList<>(r.sampleColumns()))
                .setSamples(draws).setLnPosterior(new ArrayList<>()).setModelVersion(modelVersion).build();
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}
