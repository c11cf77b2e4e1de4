package org.popstream.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.popstream.inference.calibration.BandCalibration;
import org.popstream.inference.fit.FitModel;
import org.popstream.inference.fit.FitSettings;
import org.popstream.inference.likelihood.Leistedt23Calibration;
import org.popstream.inference.likelihood.LikelihoodCalibration;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.settings.FitOptions;
import org.popstream.inference.settings.Setting;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Model, prior, calibration and sampler options shared by {@code fit} and {@code bench sampler} (a
 * picocli mixin). The sampler and initialisation options are generated from their declarations in
 * {@link FitOptions} (the streaming job's keys); prior ({@code --prior}, …, {@code --zmax}) and
 * calibration ({@code --zeropoints}, {@code --error-floor}) come from their own mixins.
 */
public final class FitArguments implements SettingOptions.TakesSettings {

    /** Every declared fit setting but the redshift range, which the prior options own. */
    private static List<Setting<?>> declared() {
        List<Setting<?>> settings = new ArrayList<>(FitOptions.SAMPLER);
        settings.remove(FitOptions.ZMAX);
        settings.addAll(FitOptions.INITIALISATION);
        return settings;
    }

    private final SettingOptions settings = new SettingOptions(declared());

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory (default: $POPSTREAM_MODELS, then ../shared/models/pop-cosmos).")
    Path models;

    @Option(names = "--bands", defaultValue = "all", split = ",", description = "Bands entering the likelihood, comma-separated, or 'all' (default).")
    List<String> bands;

    @Mixin PriorOptions priorOptions;

    @Mixin PhotometricCalibrationOptions calibrationOptions;

    /** Photometric calibration entering the likelihood. */
    enum Calibration { NONE, LEISTEDT23 }

    @Option(names = "--calibration", defaultValue = "NONE",
            description = "Zero points and error floors: ${COMPLETION-CANDIDATES} (LEISTEDT23 = pop-cosmos COSMOS2020 values; default: ${DEFAULT-VALUE}).")
    Calibration calibration;

    @Override
    public SettingOptions settingOptions() {
        return settings;
    }

    /** A value of one of the generated options. */
    <T> T get(Setting<T> setting) {
        return settings.get(setting);
    }

    /** --calibration LEISTEDT23 (published values) or --zeropoints/--error-floor (our own calibration), not both. */
    private LikelihoodCalibration calibrationFor(List<String> bandNames) {
        if (calibration == Calibration.LEISTEDT23) {
            if (calibrationOptions.isGiven()) {
                throw calibrationOptions.conflict("--calibration LEISTEDT23 cannot be combined with --zeropoints or --error-floor");
            }
            return Leistedt23Calibration.forBands(bandNames);
        }
        BandCalibration own = calibrationOptions.resolve(bandNames);
        return new LikelihoodCalibration(own.factors(), own.errorFloors());
    }

    List<Band> bandList() {
        return bands.size() == 1 ? CosmosBands.parse(bands.get(0)) : CosmosBands.parse(String.join(",", bands));
    }

    /**
     * Checks the settings that constrain each other (burn below steps, thin at most steps − burn,
     * starts at most the bank) before any file is read.
     *
     * @throws org.popstream.inference.settings.InvalidSettingException naming the option at fault
     */
    void checkSettings() {
        FitOptions.fitSettings(settings, false, 0);
    }

    /**
     * Validates everything once and loads the model files; {@code batchSize} is the fixed TF batch shape.
     *
     * @throws org.popstream.inference.settings.InvalidSettingException naming the option at fault
     */
    FittingContext open(int batchSize) {
        FitSettings settings = FitOptions.fitSettings(this.settings, false, batchSize);
        FitModel fitModel = FitModel.load(ModelDirectory.resolve(models), bandList(), priorOptions.build(), this::calibrationFor);
        return new FittingContext(settings, fitModel);
    }
}
