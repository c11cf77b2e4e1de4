package org.popstream.inference.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.sampler.SamplerSettings;

class FitOptionsTest {

    /** Values given by key as text, the rest defaulted; settings named "<key>" so messages show the naming is used. */
    private static SettingValues values(Map<String, String> given) {
        return new SettingValues() {
            @Override
            public <T> T get(Setting<T> setting) {
                String text = given.get(setting.key());
                return text == null ? setting.defaultValue() : setting.parse(text);
            }

            @Override
            public Function<Setting<?>, String> naming() {
                return s -> "<" + s.key() + ">";
            }
        };
    }

    @Test
    void theDeclaredDefaultsAreTheRecordsDefaults() {
        FitSettings settings = FitOptions.fitSettings(values(Map.of()), false, 0);

        assertEquals(SamplerSettings.DEFAULT, settings.sampler());
        assertEquals(InitialisationSettings.DEFAULT, settings.initialisation());
        assertEquals(0L, settings.seed());
    }

    @Test
    void burnMustLeaveStepsAndThinMustFitWhatIsLeft() {
        Map<String, String> given = new HashMap<>(Map.of("sampler.steps", "100", "sampler.burn", "100"));
        InvalidSettingException burn = assertThrows(InvalidSettingException.class,
                () -> FitOptions.fitSettings(values(given), false, 0));
        assertEquals(FitOptions.BURN, burn.setting());
        assertTrue(burn.problem().contains("<sampler.steps>"), burn.problem());

        given.put("sampler.burn", "50");
        given.put("sampler.thin", "51");
        InvalidSettingException thin = assertThrows(InvalidSettingException.class,
                () -> FitOptions.fitSettings(values(given), false, 0));
        assertEquals(FitOptions.THIN, thin.setting());

        given.put("sampler.thin", "50");
        assertEquals(50, FitOptions.fitSettings(values(given), false, 0).sampler().thin(), "thin = steps - burn is fine");
    }

    @Test
    void aSingleBadValueNamesItsSettingAndWhatWasExpected() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> FitOptions.WALKERS.parse("7"));
        assertEquals(FitOptions.WALKERS, e.setting());
        assertEquals("must be an even number >= 4, got 7", e.problem());
        assertTrue(e.getMessage().startsWith("sampler.walkers"), e.getMessage());
        assertThrows(InvalidSettingException.class, () -> FitOptions.SEED.parse("1.5"));
        assertThrows(InvalidSettingException.class, () -> FitOptions.EARLY_STOP.parse("yes"));
        assertEquals("6", FitOptions.ZMAX.defaultText(), "written as typed, not 6.0");
    }

    @Test
    void theSamplerRecordRefusesAThinLongerThanWhatIsRecorded() {
        assertThrows(IllegalArgumentException.class, () -> new SamplerSettings(16, 100, 50, 51, 10, false, 50));
    }
}
