package org.popstream.inference.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.popstream.inference.fit.PosteriorResult;
import org.popstream.inference.sampler.GalaxyChain;

/** Reduces one galaxy's recorded draws to the summaries of science.md §7. */
public final class PosteriorSummarizer {

    private final DerivedSample derived;
    private final List<String> names;
    private final int zColumn;
    private final int ssfrColumn;
    private final double minTauMultiple;

    /**
     * @param derived        maps a draw to the quantities in {@code names} order
     * @param minTauMultiple chain length in units of τ_max required for the converged flag
     */
    public PosteriorSummarizer(DerivedSample derived, List<String> names, double minTauMultiple) {
        this.derived = derived;
        this.names = List.copyOf(names);
        this.zColumn = this.names.indexOf("z");
        this.ssfrColumn = this.names.indexOf("log10sSFR");
        this.minTauMultiple = minTauMultiple;
    }

    public PosteriorResult summarise(String id, GalaxyChain chain, int walkers, int bandsUsed, double inferenceMillis,
                                     Map<String, String> attributes, boolean keepSamples) {
        int n = chain.sampleCount();
        int q = names.size();
        double[][] columns = new double[q][n];
        float[][] samples = keepSamples ? new float[n][q] : new float[0][];
        float[] sampleLogPosterior = keepSamples ? chain.sampleLogProbability().clone() : new float[0];
        int best = 0;
        double[] theta = new double[chain.dimension()];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < theta.length; d++) {
                theta[d] = chain.sample(i, d);
            }
            double[] values = derived.quantities(theta);
            for (int k = 0; k < q; k++) {
                columns[k][i] = values[k];
                if (keepSamples) {
                    samples[i][k] = (float) values[k];
                }
            }
            if (chain.sampleLogProbability()[i] > chain.sampleLogProbability()[best]) {
                best = i;
            }
        }
        List<PosteriorResult.QuantitySummary> summaries = new ArrayList<>(q);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int k = 0; k < q; k++) {
            double[] x = columns[k];
            percentile.setData(x);
            summaries.add(new PosteriorResult.QuantitySummary(names.get(k), mean(x), std(x),
                    at(percentile, 2.5), at(percentile, 16), at(percentile, 50), at(percentile, 84), at(percentile, 97.5),
                    n > 0 ? x[best] : Double.NaN));
        }
        double[] zq = new double[ZQuantileGrid.LEVELS.length];
        if (zColumn >= 0) {
            percentile.setData(columns[zColumn]);
            for (int i = 0; i < zq.length; i++) {
                zq[i] = at(percentile, 100 * ZQuantileGrid.LEVELS[i]);
            }
        } else {
            Arrays.fill(zq, Double.NaN);
        }
        double p10 = ssfrColumn >= 0 ? fractionBelow(columns[ssfrColumn], -10) : Double.NaN;
        double p11 = ssfrColumn >= 0 ? fractionBelow(columns[ssfrColumn], -11) : Double.NaN;
        ChainDiagnostics diag = ChainDiagnostics.of(chain, walkers, minTauMultiple);
        return new PosteriorResult(id, summaries, ZQuantileGrid.LEVELS.clone(), zq, p10, p11, chain.acceptance(),
                diag.tauMax(), diag.essMin(), diag.converged(), chain.stepsUsed(), bandsUsed,
                n > 0 ? chain.sampleLogProbability()[best] : Double.NaN, inferenceMillis,
                keepSamples ? names : List.of(), samples, sampleLogPosterior, attributes);
    }

    private static double at(Percentile p, double level) {
        return p.getData().length == 0 ? Double.NaN : p.evaluate(level);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return x.length == 0 ? Double.NaN : s / x.length;
    }

    private static double std(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    private static double fractionBelow(double[] x, double threshold) {
        int c = 0;
        for (double v : x) {
            c += v < threshold ? 1 : 0;
        }
        return x.length == 0 ? Double.NaN : c / (double) x.length;
    }
}
