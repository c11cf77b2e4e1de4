package org.popstream.inference.prior.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.Prior;
import org.popstream.testing.SharedPaths;

class PriorChoiceTest {

    @Test
    void analyticIsTheAnalyticPrior() {
        PriorChoice choice = PriorChoice.parse("analytic");
        assertFalse(choice.isLearned());
        assertInstanceOf(AnalyticPrior.class, choice.create(AnalyticPriorSettings.DEFAULT, LearnedPriorSettings.DEFAULT));
    }

    @Test
    void learnedLoadsTheModelWithTheAnalyticBox() {
        Path vp = SharedPaths.shared().resolve("models/test-diffusion/population_vp.pt");
        Prior prior = PriorChoice.parse("learned:" + vp).create(AnalyticPriorSettings.DEFAULT, LearnedPriorSettings.DEFAULT);
        try (LearnedPrior learned = assertInstanceOf(LearnedPrior.class, prior)) {
            assertTrue(learned.description().startsWith("learned(file=population_vp.pt"), learned.description());
            assertEquals(new AnalyticPrior().bounds().upper(15), learned.bounds().upper(15));
        }
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PriorChoice.parse("learned:"))
                .getMessage().contains("needs a model file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PriorChoice.parse("learned:/nonexistent.pt"))
                .getMessage().contains("no such file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PriorChoice.parse("flat"))
                .getMessage().contains("analytic | learned:PATH"));
    }
}
