package org.popstream.job.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.schemas.PosteriorSamples;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;
import org.popstream.schemas.SamplerSettings;
import org.popstream.schemas.Timings;

/**
 * The Avro records of a {@link PosteriorResult}, built here and only here: the streaming job and
 * {@code popstream fit} both call {@link #summary}, so a galaxy's summary has the same fields and
 * values whichever way it was fitted.
 */
public final class PosteriorResultRecords {

    /**
     * Where a galaxy came from and when it moved, which the result itself does not know.
     *
     * @param specZ      spectroscopic redshift, or {@code null}
     * @param attributes catalogue columns carried through unchanged
     */
    public record Provenance(String survey, String tileId, Double specZ, Map<String, String> attributes, Timings timings) {}

    private PosteriorResultRecords() {}

    /**
     * The full summary.
     *
     * @param priorDescription how the prior is named in {@code settings.prior}
     */
    public static PosteriorSummary summary(PosteriorResult result, Provenance provenance, FitSettings settings,
            String priorDescription, String modelVersion) {
        return posteriorFields(result)
                .setSurvey(provenance.survey())
                .setTileId(provenance.tileId())
                .setSpecZ(provenance.specZ())
                .setSettings(new SamplerSettings(settings.sampler().walkers(), settings.sampler().steps(),
                        settings.sampler().burn(), settings.sampler().thin(), settings.seed(), priorDescription,
                        settings.sampler().earlyStop()))
                .setModelVersion(modelVersion)
                .setTimings(provenance.timings())
                .setAttributes(new HashMap<>(provenance.attributes()))
                .build();
    }

    /** A summary builder with the posterior fields set (quantities, z quantiles, diagnostics). */
    private static PosteriorSummary.Builder posteriorFields(PosteriorResult result) {
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
