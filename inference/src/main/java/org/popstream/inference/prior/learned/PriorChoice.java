package org.popstream.inference.prior.learned;

import java.nio.file.Files;
import java.nio.file.Path;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.Prior;

/**
 * The value of a {@code --prior} option: {@code analytic} (the default) or {@code learned:PATH}, a
 * flowfusion population model file (bare, or a full pop-cosmos catalogue model, in which case the
 * population model is found inside it). A learned prior keeps the analytic prior's box as its support.
 *
 * @param learnedModel null for the analytic prior
 */
public record PriorChoice(Path learnedModel) {

    public static final String OPTION_HELP = "analytic | learned:PATH (a flowfusion population model file)";

    public static PriorChoice parse(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("analytic")) {
            return new PriorChoice(null);
        }
        if (value.regionMatches(true, 0, "learned:", 0, "learned:".length())) {
            String path = value.substring("learned:".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("--prior learned:PATH needs a model file after 'learned:'");
            }
            Path file = Path.of(path);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--prior " + value + ": no such file " + file.toAbsolutePath());
            }
            return new PriorChoice(file);
        }
        throw new IllegalArgumentException("--prior '" + value + "' is not " + OPTION_HELP);
    }

    public boolean isLearned() {
        return learnedModel != null;
    }

    /**
     * Builds the prior. A learned prior owns a TensorFlow session; close it through
     * {@link AutoCloseable} when the prior implements it.
     */
    public Prior create(AnalyticPriorSettings analytic, LearnedPriorSettings learned) {
        AnalyticPrior box = new AnalyticPrior(analytic);
        return isLearned() ? LearnedPrior.load(learnedModel, box.bounds(), learned) : box;
    }
}
