package org.popstream.cli.demo;

import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.summary.PhotoZMetrics;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;

/**
 * Photo-z quality of the demo's results against their spectroscopic redshifts (science.md §8),
 * plus how often the 68 % and 95 % credible intervals contain the spectroscopic redshift.
 */
public record DemoReport(PhotoZMetrics metrics, double coverage68, double coverage95, int withoutSpecZ,
        double[] zSpec, double[] zPhot, double[] zLow, double[] zHigh) {

    public static DemoReport of(List<PosteriorSummary> summaries) {
        List<double[]> rows = new ArrayList<>();
        int withoutSpecZ = 0;
        for (PosteriorSummary summary : summaries) {
            if (summary.getSpecZ() == null) {
                withoutSpecZ++;
                continue;
            }
            QuantitySummary z = redshift(summary);
            rows.add(new double[] {summary.getSpecZ(), z.getP50(), z.getP16(), z.getP84(), z.getP25(), z.getP975()});
        }
        int n = rows.size();
        if (n == 0) {
            throw new IllegalArgumentException("no result carries a spectroscopic redshift");
        }
        double[] zSpec = column(rows, 0);
        double[] zPhot = column(rows, 1);
        int in68 = 0;
        int in95 = 0;
        for (double[] r : rows) {
            in68 += r[2] <= r[0] && r[0] <= r[3] ? 1 : 0;
            in95 += r[4] <= r[0] && r[0] <= r[5] ? 1 : 0;
        }
        return new DemoReport(PhotoZMetrics.of(zPhot, zSpec), in68 / (double) n, in95 / (double) n, withoutSpecZ,
                zSpec, zPhot, column(rows, 2), column(rows, 3));
    }

    /** The table printed at the end of the demo. */
    public String table() {
        return String.join("\n",
                "  galaxies with spec-z     " + metrics.count(),
                String.format("  bias  median(dz/(1+z))  %+.4f", metrics.bias()),
                String.format("  sigma_NMAD               %.4f", metrics.sigmaNmad()),
                String.format("  outliers |dz|/(1+z)>0.15 %.1f %%", 100 * metrics.outlierFraction()),
                String.format("  spec-z inside 68%% / 95%% %.1f %% / %.1f %%", 100 * coverage68, 100 * coverage95));
    }

    private static QuantitySummary redshift(PosteriorSummary summary) {
        return summary.getQuantities().stream().filter(q -> q.getName().equals("z")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("summary of " + summary.getGalaxyId() + " has no z"));
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
}
