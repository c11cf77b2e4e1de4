package org.popstream.catalogue.results;

import java.util.ArrayList;
import java.util.List;
import org.popstream.schemas.PosteriorSamples;

/** Posterior draws, one row per draw: {@code id, draw, <parameter>..., ln_posterior}. Parameters fixed by the first record. */
public final class SamplesCsvFormat implements ResultRows<PosteriorSamples> {

    private final List<String> parameters;

    public SamplesCsvFormat(List<String> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    public static SamplesCsvFormat of(PosteriorSamples first) {
        return new SamplesCsvFormat(first.getParameterNames());
    }

    @Override
    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("id", "draw"));
        header.addAll(parameters);
        header.add("ln_posterior");
        return header;
    }

    @Override
    public List<List<String>> rows(PosteriorSamples value) {
        if (!value.getParameterNames().equals(parameters)) {
            throw new IllegalArgumentException("galaxy " + value.getGalaxyId() + " has parameters " + value.getParameterNames()
                    + ", but this CSV has columns for " + parameters);
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<Float>> draws = value.getSamples();
        for (int d = 0; d < draws.size(); d++) {
            List<String> row = new ArrayList<>(List.of(value.getGalaxyId(), Integer.toString(d)));
            draws.get(d).forEach(x -> row.add(Float.toString(x)));
            row.add(d < value.getLnPosterior().size() ? Float.toString(value.getLnPosterior().get(d)) : "");
            rows.add(row);
        }
        return rows;
    }

    @Override
    public List<String> compactColumns() {
        List<String> columns = new ArrayList<>(List.of("id", "draw"));
        columns.addAll(parameters.subList(0, Math.min(4, parameters.size())));
        return columns;
    }
}
