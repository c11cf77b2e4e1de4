package org.popstream.job.inference;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;

/**
 * The parts of the Avro records that come from a {@link PosteriorResult} alone, shared by the
 * streaming job and {@code popstream fit} so both write the same values; callers add identity,
 * settings and timings.
 */
public final class PosteriorResultRecords {

    private PosteriorResultRecords() {}

    /** A summary builder with the posterior fields set (quantities, z quantiles, diagnostics). */
    public static PosteriorSummary.Builder summaryOf(PosteriorResult result) {
        List<QuantitySummary> quantities = new ArrayList<>(result.quantities().size());
        for (PosteriorResult.QuantitySummary q : result.quantities()) {
            quantities.add(new QuantitySummary(q.name(), q.mean(), q.std(), q.p2_5(), q.p16(), q.p50(), q.p84(),
                    q.p97_5(), q.maxPosterior()));
        }
        return PosteriorSummary.newBuilder()
                .setGalaxyId(result.galaxyId())
                .setQuantities(quantities)
                .setZQuantileLevels(boxed(result.zQuantileLevels()))
                .setZQuantiles(boxed(result.zQuantiles()))
                .setPQuenched10(result.pQuenched10())
                .setPQuenched11(result.pQuenched11())
                .setAcceptance(result.acceptance())
                .setTauMax(result.tauMax())
                .setEssMin(result.essMin())
                .setConverged(result.converged())
                .setStepsUsed(result.stepsUsed())
                .setNBands(result.nBands())
                .setLnPosteriorMax(result.lnPosteriorMax());
    }

    /** The thinned draws with their log posterior. */
    public static PosteriorSamples samplesOf(PosteriorResult result, String modelVersion) {
        List<List<Float>> draws = new ArrayList<>(result.samples().length);
        for (float[] row : result.samples()) {
            List<Float> values = new ArrayList<>(row.length);
            for (float v : row) {
                values.add(v);
            }
            draws.add(values);
        }
        List<Float> logPosterior = new ArrayList<>(result.sampleLogPosterior().length);
        for (float v : result.sampleLogPosterior()) {
            logPosterior.add(v);
        }
        return PosteriorSamples.newBuilder()
                .setGalaxyId(result.galaxyId())
                .setParameterNames(new ArrayList<>(result.sampleColumns()))
                .setSamples(draws)
                .setLnPosterior(logPosterior)
                .setModelVersion(modelVersion)
                .build();
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
