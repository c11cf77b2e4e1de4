package org.popstream.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.popstream.inference.emulator.EmulatorInputs;
import org.popstream.inference.emulator.JavaPhotometryEmulator;
import org.popstream.inference.emulator.PhotometryEmulator;
import org.popstream.inference.emulator.TfPhotometryEmulator;
import org.popstream.inference.forward.EmulatorInputCsv;
import org.popstream.inference.forward.ForwardQuantities;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.inference.model.PhotulatorWeights;
import org.popstream.inference.physics.DerivedQuantities;
import org.popstream.inference.physics.StellarMassEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code popstream emulate}: the forward model on a table of parameter vectors. Exit status 0 when
 * every row was emulated, 1 when some rows were skipped (each reported with its line number),
 * 2 when the inputs or models cannot be used at all.
 */
@Command(
        name = "emulate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates the photometry emulators on a table of parameters.",
            "One output row per row of the parameter CSV; given log10M_formed, also apparent magnitudes,",
            "fluxes and derived quantities.",
            "Input columns: log10Z, logsfr_ratio1..6, sqrt_dust2 (or dust2), dust_index,",
            "dust1_fraction, lnfagn, lnagntau, gaslog10Z, gaslog10U, z [, log10M_formed];",
            "other columns are copied through. Exit status: 0 all rows emulated,",
            "1 some rows skipped (reported with line numbers), 2 unusable input or models."
        })
public final class EmulateCommand implements Callable<Integer> {

    static final int ROWS_SKIPPED = 1;
    static final int UNUSABLE_INPUT = 2;

    @Option(names = "--input", required = true, converter = ReadableFile.class, paramLabel = "PARAMS.csv", description = "parameter table")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "result table")
    Path output;

    @Option(names = "--bands", defaultValue = "all", paramLabel = "b1,b2,...|all",
            description = "bands to emulate, upstream names (default: all 26)")
    String bands;

    @Option(names = "--precision", defaultValue = "float", paramLabel = "float|double",
            description = "float: TensorFlow float32 graph (default); double: plain-Java double reference")
    String precision;

    @Option(names = "--models", paramLabel = "DIR",
            description = "pop-cosmos model directory (default: $POPSTREAM_MODELS, then ../shared/models/pop-cosmos)")
    Path models;

    @Option(names = "--verify-models", description = "check the model files against SHA256SUMS first")
    boolean verifyModels;

    @Option(names = "--threads", defaultValue = "2",
            description = "cores for the TensorFlow path: single-threaded graph branches run side by side (default: 2)")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!precision.equals("float") && !precision.equals("double")) {
            err.println("popstream emulate: --precision must be float or double, got '" + precision + "'");
            return UNUSABLE_INPUT;
        }
        boolean useFloat = precision.equals("float");
        EmulatorInputCsv.Table table;
        List<Band> chosen;
        List<PhotulatorWeights> weights;
        StellarMassEmulator stellarMass = null;
        try {
            chosen = CosmosBands.parse(bands);
            if (!Files.isRegularFile(input)) {
                throw new IllegalArgumentException(input + ": input file not found");
            }
            table = EmulatorInputCsv.read(input);
            ModelDirectory directory = ModelDirectory.resolve(models);
            List<Path> files = new ArrayList<>(directory.photulators(chosen));
            if (table.hasMass()) {
                files.add(directory.stellarMassEmulator());
                files.add(directory.stellarMassShiftScale());
                stellarMass = StellarMassEmulator.read(directory);
            }
            if (verifyModels) {
                directory.verify(files);
            }
            weights = PhotulatorWeights.read(directory, chosen);
            err.println("popstream emulate: models " + directory.root() + " (version " + directory.version(files) + ")");
        } catch (IllegalArgumentException | ModelFileException e) {
            err.println("popstream emulate: " + e.getMessage());
            return UNUSABLE_INPUT;
        } catch (IOException e) {
            err.println("popstream emulate: cannot read " + input + ": " + e.getMessage());
            return UNUSABLE_INPUT;
        }

        for (EmulatorInputCsv.Skipped s : table.skipped()) {
            err.println("popstream emulate: " + input + " line " + s.line() + ": " + s.reason() + "; row skipped");
        }
        List<EmulatorInputCsv.Row> rows = table.rows();
        double[] flat = new double[rows.size() * EmulatorInputs.COUNT];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r).inputs(), 0, flat, r * EmulatorInputs.COUNT, EmulatorInputs.COUNT);
        }
        double[] absMag;
        try (PhotometryEmulator emulator = useFloat
                ? new TfPhotometryEmulator(weights, threads)
                : new JavaPhotometryEmulator(weights)) {
            absMag = emulator.absMagPerMass(flat, rows.size());
        }
        try {
            write(table, chosen, absMag, stellarMass);
        } catch (IOException e) {
            err.println("popstream emulate: cannot write " + output + ": " + e.getMessage());
            return UNUSABLE_INPUT;
        }
        err.println("popstream emulate: wrote " + rows.size() + " rows to " + output
                + (table.skipped().isEmpty() ? "" : "; skipped " + table.skipped().size() + " rows (see above)"));
        err.flush();
        return table.skipped().isEmpty() ? 0 : ROWS_SKIPPED;
    }

    private void write(EmulatorInputCsv.Table table, List<Band> chosen, double[] absMag, StellarMassEmulator stellarMass)
            throws IOException {
        boolean mass = table.hasMass();
        ForwardQuantities forward = new ForwardQuantities(stellarMass);
        List<String> header = new ArrayList<>(table.header());
        for (Band band : chosen) {
            header.add(band.name() + "_absmag_per_mass");
            if (mass) {
                header.add(band.name() + "_mag");
                header.add(band.name() + "_flux_nmgy");
            }
        }
        // log10M_formed is already an input column whenever the derived quantities are defined
        header.addAll(mass
                ? List.of("log10Mstar", "mass_remaining_fraction", "mw_age_gyr", "log10SFR", "log10sSFR")
                : List.of("mw_age_gyr"));
        int nb = chosen.size();
        try (BufferedWriter out = Files.newBufferedWriter(output)) {
            out.write(String.join(",", header));
            out.newLine();
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < table.rows().size(); r++) {
                EmulatorInputCsv.Row row = table.rows().get(r);
                ForwardQuantities.Row q = forward.of(row, Arrays.copyOfRange(absMag, r * nb, (r + 1) * nb));
                line.setLength(0);
                line.append(String.join(",", row.cells()));
                for (int b = 0; b < nb; b++) {
                    line.append(',').append(q.absMagPerMass()[b]);
                    if (mass) {
                        line.append(',').append(q.apparentMagnitudes()[b]).append(',').append(q.fluxNanomaggies()[b]);
                    }
                }
                if (mass) {
                    DerivedQuantities d = q.derived();
                    line.append(',').append(d.log10MStar()).append(',').append(d.massRemainingFraction())
                            .append(',').append(d.massWeightedAgeGyr()).append(',').append(d.log10Sfr())
                            .append(',').append(d.log10Ssfr());
                } else {
                    line.append(',').append(q.massWeightedAgeGyr());
                }
                out.write(line.toString());
                out.newLine();
            }
        }
    }
}
