package org.popstream.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.popstream.inference.calibration.BandCalibration;
import org.popstream.inference.calibration.ErrorFloors;
import org.popstream.inference.calibration.ZeroPointTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --zeropoints FILE} and {@code --error-floor VALUE|FILE}, shared by {@code fit} and the streaming job. */
public final class PhotometricCalibrationOptions {

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--zeropoints", paramLabel = "FILE",
            description = "Zero-point factors (CSV band,factor[,uncertainty,n_used,error_floor] as written by "
                    + "'popstream calibrate'); they multiply the model fluxes. Bands not listed keep 1.")
    Path zeroPoints;

    @Option(names = "--error-floor", paramLabel = "VALUE|FILE",
            description = "Fractional error floor added in quadrature: one number for every band, or a CSV with "
                    + "band and error_floor columns. Overrides floors in --zeropoints.")
    String errorFloor;

    /** Whether either option was given. */
    public boolean isGiven() {
        return zeroPoints != null || errorFloor != null;
    }

    /** A usage error naming the conflict, reported like picocli's own. */
    public ParameterException conflict(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The calibration for the model's bands; no options → identity. */
    public BandCalibration resolve(List<String> bands) {
        try {
            ErrorFloors floors = errorFloor == null ? null : ErrorFloors.parse(errorFloor);
            // no zero-point file: an empty table, i.e. factors 1 and the floors from --error-floor or 0
            return ZeroPointTable.toCalibration(zeroPoints == null ? Map.of() : ZeroPointTable.read(zeroPoints), bands, floors);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
