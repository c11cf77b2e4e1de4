package org.popstream.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.popstream.inference.fit.GalaxyPhotometry;
import org.popstream.inference.fit.PopCosmosQuantities;
import org.popstream.inference.mock.CatalogueDepths;
import org.popstream.inference.mock.MockGalaxy;
import org.popstream.inference.mock.MockGenerator;
import org.popstream.inference.mock.NoiseDistribution;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.physics.StellarMassEmulator;
import org.popstream.inference.posterior.PhotometryModel;
import org.popstream.inference.prior.AnalyticPrior;
import org.popstream.inference.prior.AnalyticPriorSettings;
import org.popstream.inference.prior.ParameterSpace;
import org.popstream.inference.summary.QuantityNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code popstream mock}: a catalogue of galaxies drawn from the prior, emulated, and given noise at
 * real COSMOS2020 depths (each mock borrows the per-band errors and missing-band pattern of a random
 * row of a real catalogue). Same column conventions as the shared catalogues, plus true_* columns.
 */
@Command(name = "mock", mixinStandardHelpOptions = true,
        description = "Writes a mock catalogue drawn from the prior, with true_<quantity> columns and spec_z = true z.")
public final class MockCommand implements Callable<Integer> {

    private static final double MICROJANSKY_PER_NANOMAGGY = 3.631;

    @Option(names = "--n", required = true, description = "Number of galaxies.")
    int n;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "MOCK.csv")
    Path output;

    @Option(names = "--models", paramLabel = "DIR", description = "pop-cosmos model directory.")
    Path models;

    @Option(names = "--zmax", defaultValue = "6", description = "Upper end of the redshift prior (default: ${DEFAULT-VALUE}).")
    double zmax;

    @Option(names = "--depths", converter = ReadableFile.class, paramLabel = "CATALOGUE.csv",
            description = "Catalogue whose per-row flux errors set the noise (default: shared cosmos2020_specz_highz).")
    Path depths;

    @Option(names = "--noise", defaultValue = "GAUSSIAN",
            description = "Noise shape: ${COMPLETION-CANDIDATES} (STUDENT_T2 = the likelihood's own; default: ${DEFAULT-VALUE}).")
    NoiseDistribution noise;

    @Override
    public Integer call() throws IOException {
        if (n < 1) {
            System.err.println("popstream mock: --n must be >= 1, got " + n);
            return 2;
        }
        ModelDirectory directory = ModelDirectory.resolve(models);
        List<Band> bands = CosmosBands.ALL;
        PhotometryModel model = PhotometryModel.load(directory, bands);
        AnalyticPrior prior = new AnalyticPrior(AnalyticPriorSettings.DEFAULT.withZMax(zmax));
        Path depthFile = depths != null ? depths : ProjectHome.resolve(ProjectHome.DEV_CATALOGUE).normalize();
        if (!Files.isReadable(depthFile)) {
            System.err.println("popstream mock: cannot read depth catalogue " + depthFile + " (use --depths)");
            return 2;
        }
        CatalogueDepths catalogueDepths = CatalogueDepths.fromCsv(depthFile, model.bandNames());
        List<MockGalaxy> mocks = new MockGenerator(prior, model, catalogueDepths, noise).generate(n, seed, "mock-");
        PopCosmosQuantities quantities = new PopCosmosQuantities(StellarMassEmulator.read(directory), model.distances());

        List<String> header = new ArrayList<>(List.of("id", "spec_z"));
        QuantityNames.ALL.forEach(q -> header.add("true_" + q));
        for (Band b : bands) {
            header.add(b.name() + "_flux_uJy");
            header.add(b.name() + "_fluxerr_uJy");
        }
        try (Writer out = Files.newBufferedWriter(output); CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header);
            for (MockGalaxy mock : mocks) {
                List<String> row = new ArrayList<>();
                row.add(mock.photometry().id());
                row.add(Double.toString(mock.truth()[ParameterSpace.REDSHIFT]));
                for (double v : quantities.quantities(mock.truth())) {
                    row.add(Double.toString(v));
                }
                Map<String, GalaxyPhotometry.BandFlux> measured = new java.util.HashMap<>();
                mock.photometry().bands().forEach(f -> measured.put(f.band(), f));
                for (Band b : bands) {
                    GalaxyPhotometry.BandFlux f = measured.get(b.name());
                    row.add(f == null ? "" : Double.toString(f.flux() * MICROJANSKY_PER_NANOMAGGY));
                    row.add(f == null ? "" : Double.toString(f.error() * MICROJANSKY_PER_NANOMAGGY));
                }
                csv.printRecord(row);
            }
        }
        System.err.printf("popstream mock: wrote %d galaxies to %s (noise %s at the depths of %s)%n", n, output, noise, depthFile);
        return 0;
    }
}
