package org.popstream.inference.settings;

import java.util.List;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.startup.InitialisationSettings;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.sampler.SamplerSettings;

/**
 * The settings of a fit — sampler, initialisation, seed, threads, redshift range — declared once for
 * {@code popstream fit}, {@code run}, {@code demo} and the streaming job's configuration (as the Flink
 * Kafka connector declares its source options). Checks that involve two settings live in
 * {@link #fitSettings}, and name the setting they blame the way the caller names settings.
 */
public final class FitOptions {

    public static final Setting<Integer> WALKERS = Setting.integer("sampler.walkers", "--walkers", 64,
            "Walkers per galaxy, an even number", w -> w >= 4 && w % 2 == 0, "an even number >= 4");
    public static final Setting<Integer> STEPS = Setting.positiveInteger("sampler.steps", "--steps", 1000,
            "Sampler steps including burn-in");
    public static final Setting<Integer> BURN = Setting.integer("sampler.burn", "--burn", 500,
            "Burn-in steps discarded, fewer than the steps", b -> b >= 0, ">= 0");
    public static final Setting<Integer> THIN = Setting.positiveInteger("sampler.thin", "--thin", 10,
            "Keep every T-th step after burn-in, at most steps - burn");
    public static final Setting<Long> SEED = Setting.longInteger("sampler.seed", "--seed", 0L,
            "Random seed; with the galaxy id it fixes each galaxy's random stream");
    public static final Setting<Double> ZMAX = Setting.decimal("sampler.zmax", "--zmax", 6.0,
            "Upper end of the redshift prior; the population prior is renormalised on it",
            z -> z > 0 && z <= 6, "in (0, 6] (the emulators' range)");
    public static final Setting<Integer> STEPS_PER_RUN = Setting.positiveInteger("sampler.steps-per-run",
            "--steps-per-run", 10, "Sampler steps unrolled into one TensorFlow run");
    public static final Setting<Boolean> EARLY_STOP = Setting.flag("sampler.early-stop", "--early-stop", false,
            "Stop a galaxy once its autocorrelation time is stable and its chain longer than K·τ");
    public static final Setting<Double> EARLY_STOP_FACTOR = Setting.decimal("sampler.early-stop-factor",
            "--early-stop-factor", 50.0, "K of --early-stop, also the τ multiple of the converged flag",
            k -> k > 0 && !k.isInfinite(), "finite and > 0");
    public static final Setting<Integer> THREADS = Setting.positiveInteger("sampler.threads", "--threads", 2,
            "TensorFlow intra-op threads");

    public static final Setting<Integer> BANK = Setting.positiveInteger("init.bank", "--bank", 16384,
            "Prior draws scored per galaxy to find starting points");
    public static final Setting<Integer> STARTS = Setting.positiveInteger("init.starts", "--starts", 4,
            "Distinct best bank points refined per galaxy, at most the bank");
    public static final Setting<Boolean> OPTIMISE = Setting.flag("init.optimise", "--optimise", true,
            "Refine the best bank points by a MAP search; without it, Laplace around the bank points");
    public static final Setting<Integer> ADAM_STEPS = Setting.integer("init.adam-steps", "--adam-steps", 250,
            "Adam iterations of the MAP search", v -> v >= 0, ">= 0");
    public static final Setting<Boolean> ANNEAL = Setting.flag("init.anneal", "--anneal", true,
            "Start every galaxy the bank cannot resolve from a tempered bank annealed to β = 1 during burn-in; "
                    + "without it, from the Laplace mixture");

    /** The sampler's settings, in the order help texts list them. */
    public static final List<Setting<?>> SAMPLER = List.of(WALKERS, STEPS, BURN, THIN, SEED, ZMAX, STEPS_PER_RUN,
            EARLY_STOP, EARLY_STOP_FACTOR, THREADS);
    public static final List<Setting<?>> INITIALISATION = List.of(BANK, STARTS, OPTIMISE, ADAM_STEPS, ANNEAL);

    private FitOptions() {}

    /**
     * Everything but the data and the model, checked together.
     *
     * @throws InvalidSettingException naming, as {@code values} names settings, the one at fault
     */
    public static FitSettings fitSettings(SettingValues values, boolean keepSamples, int batchSize) {
        return new FitSettings(samplerSettings(values), initialisationSettings(values), values.get(SEED),
                values.get(THREADS), keepSamples, batchSize);
    }

    public static SamplerSettings samplerSettings(SettingValues values) {
        int steps = checked(values, STEPS);
        int burn = checked(values, BURN);
        int thin = checked(values, THIN);
        String name = values.naming().apply(STEPS);
        if (burn >= steps) {
            throw new InvalidSettingException(BURN, "must be less than " + name + " (" + steps + "), got " + burn);
        }
        if (thin > steps - burn) {
            throw new InvalidSettingException(THIN, "must be at most " + name + " - " + values.naming().apply(BURN)
                    + " (" + (steps - burn) + "), got " + thin);
        }
        return new SamplerSettings(checked(values, WALKERS), steps, burn, thin, checked(values, STEPS_PER_RUN),
                values.get(EARLY_STOP), checked(values, EARLY_STOP_FACTOR));
    }

    public static InitialisationSettings initialisationSettings(SettingValues values) {
        int bank = checked(values, BANK);
        int starts = checked(values, STARTS);
        if (starts > bank) {
            throw new InvalidSettingException(STARTS, "must be at most " + values.naming().apply(BANK) + " (" + bank
                    + "), got " + starts);
        }
        return new InitialisationSettings(bank, starts, values.get(OPTIMISE), checked(values, ADAM_STEPS),
                values.get(ANNEAL));
    }

    /** The analytic prior's settings with the redshift range of {@link #ZMAX}. */
    public static AnalyticPriorSettings priorSettings(SettingValues values) {
        return AnalyticPriorSettings.DEFAULT.withZMax(checked(values, ZMAX));
    }

    private static <T> T checked(SettingValues values, Setting<T> setting) {
        return setting.check(values.get(setting));
    }
}
