package org.popstream.cli;

import org.popstream.inference.fit.PosteriorResult;
import org.popstream.job.inference.PosteriorResultRecords;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.Timings;

/** PosteriorResult → the Avro records whose CSV forms {@code fit} shares with {@code tail}. */
final class PosteriorRecords {
    private PosteriorRecords() {}

    static PosteriorSummary summary(PosteriorResult r, FittingContext context, String modelVersion) {
        var s = context.settings();
        String specZ = r.attributes().get("spec_z");
        Double z = null;
        try {
            z = specZ == null ? null : Double.valueOf(specZ);
        } catch (NumberFormatException ignored) {
            // a non-numeric spec_z still travels as an attribute
        }
        long now = System.currentTimeMillis();
        return PosteriorResultRecords.summaryOf(r)
                .setSurvey("cosmos2020")
                .setTileId("")
                .setSpecZ(z)
                .setSettings(new org.popstream.schemas.SamplerSettings(s.sampler().walkers(), s.sampler().steps(),
                        s.sampler().burn(), s.sampler().thin(), s.seed(), context.prior().description(), s.sampler().earlyStop()))
                .setModelVersion(modelVersion)
                .setTimings(new Timings(now, now, r.inferenceMillis(), now))
                .setAttributes(new java.util.HashMap<>(r.attributes()))
                .build();
    }
}
