package org.popstream.inference.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.inference.model.Band;
import org.popstream.inference.model.CosmosBands;
import org.popstream.inference.model.ModelDirectory;
import org.popstream.inference.model.ModelFileException;
import org.popstream.testing.SharedPaths;

/** Loading refuses, naming the file and the reason, whatever it cannot use. */
class EmissionLineModelLoadingTest {

    private static final List<Band> BANDS = CosmosBands.parse("hsc_g,uvista_ks_cosmos");
    private final ModelDirectory published = new ModelDirectory(SharedPaths.models());

    @Test
    void loadsThePublishedFilesForTheRequestedBands() {
        EmissionLineModel model = EmissionLineModel.load(published, BANDS);
        assertEquals(BANDS, model.bands());
        assertEquals(EmissionLines.COUNT, model.lineIndices().length);
        published.verify(EmissionLineModel.files(published, BANDS));
    }

    @Test
    void bandWithoutBandpassModelIsRefused(@TempDir Path dir) throws IOException {
        ModelDirectory copy = copyOfPublished(dir);
        Path missing = copy.bandpassModel(CosmosBands.byName("uvista_ks_cosmos"));
        Files.delete(missing);
        assertRefused(copy, missing, "no usable bandpass model for band uvista_ks_cosmos");
    }

    @Test
    void missingOrMalformedNetworkFilesAreRefused(@TempDir Path dir) throws IOException {
        ModelDirectory copy = copyOfPublished(dir);
        Files.delete(copy.emissionLineNetwork());
        assertRefused(copy, copy.emissionLineNetwork(), "not found");

        copy = copyOfPublished(dir.resolve("b"));
        Files.writeString(copy.emissionLinePcaBasis(), "garbage");
        assertRefused(copy, copy.emissionLinePcaBasis(), "not a zip");

        copy = copyOfPublished(dir.resolve("c"));
        // a wavelength table of the wrong length: the bandpass file is a valid .npy with 8 entries
        Files.copy(copy.bandpassModel(BANDS.get(0)), copy.emissionLineWavelengths(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(copy, copy.emissionLineWavelengths(), "shape [8], expected [128]");

        copy = copyOfPublished(dir.resolve("d"));
        // a network that is not the emission-line state dict: a photometry emulator file
        Files.copy(published.photulator(BANDS.get(0)), copy.emissionLineNetwork(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRefused(copy, copy.emissionLineNetwork(), "expected a state dict");
    }

    private static void assertRefused(ModelDirectory models, Path file, String reason) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> EmissionLineModel.load(models, BANDS));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(reason), e.getMessage());
    }

    /** The emission-line files of the published directory, copied so that one can be broken. */
    private ModelDirectory copyOfPublished(Path dir) throws IOException {
        ModelDirectory copy = new ModelDirectory(dir);
        for (Path file : EmissionLineModel.files(published, BANDS)) {
            Path target = dir.resolve(published.root().relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        return copy;
    }
}
