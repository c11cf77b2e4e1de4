package org.popstream.catalogue.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.popstream.schemas.PosteriorSummary;
import org.popstream.schemas.QuantitySummary;

/**
 * The columns of a posterior-summary CSV — the one format both {@code popstream fit} and
 * {@code popstream tail --output} write, so their files can be compared cell by cell:
 *
 * <pre>
 * id,
 * per quantity q: q_mean,q_std,q_p2_5,q_p16,q_p50,q_p84,q_p97_5,
 * p_quenched_10,p_quenched_11,acceptance,tau_max,ess_min,converged,steps_used,n_bands,lnpost_max,
 * then the attribute columns
 * </pre>
 *
 * Numbers are written with {@link Double#toString(double)} (shortest text that reads back to the
 * same double; NaN as "NaN"). The quantity list is fixed by the first summary (or given); a summary
 * with other quantities is refused rather than written under the wrong headers. Attributes absent
 * from a row are empty cells; attributes not in the header are dropped (see {@link #unknownAttributes}).
 */
public final class PosteriorCsvFormat implements ResultRows<PosteriorSummary> {

    private static final List<String> STATISTICS = List.of("mean", "std", "p2_5", "p16", "p50", "p84", "p97_5");
    private static final List<String> DIAGNOSTICS = List.of(
            "p_quenched_10", "p_quenched_11", "acceptance", "tau_max", "ess_min", "converged", "steps_used", "n_bands",
            "lnpost_max");

    private final List<String> quantities;
    private final List<String> attributes;

    /**
     * @param quantities quantity names in output order (as in {@code PosteriorResult.quantities()})
     * @param attributes attribute columns in output order (e.g. the catalogue's column order)
     */
    public PosteriorCsvFormat(List<String> quantities, List<String> attributes) {
        this.quantities = List.copyOf(quantities);
        this.attributes = List.copyOf(attributes);
    }

    /** The format of {@code first}: its quantities in order, its attributes sorted by name. */
    public static PosteriorCsvFormat of(PosteriorSummary first) {
        return new PosteriorCsvFormat(quantityNames(first), List.copyOf(new TreeSet<>(first.getAttributes().keySet())));
    }

    @Override
    public List<String> header() {
        List<String> header = new ArrayList<>();
        header.add("id");
        for (String quantity : quantities) {
            for (String statistic : STATISTICS) {
                header.add(quantity + "_" + statistic);
            }
        }
        header.addAll(DIAGNOSTICS);
        header.addAll(attributes);
        return header;
    }

    /** One CSV row, cells in {@link #header()} order. */
    public List<String> row(PosteriorSummary summary) {
        List<String> names = quantityNames(summary);
        if (!names.equals(quantities)) {
            throw new IllegalArgumentException("galaxy " + summary.getGalaxyId() + " has quantities " + names
                    + ", but this CSV has columns for " + quantities);
        }
        List<String> row = new ArrayList<>(header().size());
        row.add(summary.getGalaxyId());
        for (QuantitySummary q : summary.getQuantities()) {
            for (double value : new double[] {q.getMean(), q.getStd(), q.getP25(), q.getP16(), q.getP50(), q.getP84(), q.getP975()}) {
                row.add(Double.toString(value));
            }
        }
        row.add(Double.toString(summary.getPQuenched10()));
        row.add(Double.toString(summary.getPQuenched11()));
        row.add(Double.toString(summary.getAcceptance()));
        row.add(Double.toString(summary.getTauMax()));
        row.add(Double.toString(summary.getEssMin()));
        row.add(Boolean.toString(summary.getConverged()));
        row.add(Integer.toString(summary.getStepsUsed()));
        row.add(Integer.toString(summary.getNBands()));
        row.add(Double.toString(summary.getLnPosteriorMax()));
        Map<String, String> values = summary.getAttributes();
        for (String attribute : attributes) {
            row.add(values.getOrDefault(attribute, ""));
        }
        return row;
    }

    @Override
    public List<List<String>> rows(PosteriorSummary summary) {
        return List.of(row(summary));
    }

    /** Redshift interval, mass, SFR, quenching and diagnostics — whichever of them this CSV has. */
    @Override
    public List<String> compactColumns() {
        List<String> wanted = List.of("id", "z_p16", "z_p50", "z_p84", "log10Mstar_p50", "log10SFR_p50", "p_quenched_10",
                "converged", "n_bands");
        List<String> header = header();
        return wanted.stream().filter(header::contains).toList();
    }

    /** Attributes of {@code summary} that have no column in this format. */
    public List<String> unknownAttributes(PosteriorSummary summary) {
        return summary.getAttributes().keySet().stream().filter(a -> !attributes.contains(a)).sorted().toList();
    }

    private static List<String> quantityNames(PosteriorSummary summary) {
        return summary.getQuantities().stream().map(QuantitySummary::getName).toList();
    }
}
