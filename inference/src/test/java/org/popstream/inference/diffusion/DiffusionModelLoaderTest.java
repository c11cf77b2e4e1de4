package org.popstream.inference.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.inference.model.ModelFileException;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;

class DiffusionModelLoaderTest {

    @TempDir
    Path temp;

    @Test
    void vpTestModelIsAnUnconditionalSiluVpModelAtTheRoot() {
        LoadedDiffusionModel loaded = DiffusionModelLoader.load(GoldenModels.testModel("vp"));
        DiffusionModel model = loaded.model();
        assertEquals("", loaded.objectPath());
        assertEquals("flowfusion.diffusion.PopulationModelDiffusion", loaded.modelClass());
        assertFalse(model.isConditional());
        assertFalse(model.noSigma());
        assertEquals(Activation.SILU, model.network().activation());
        assertEquals("[24, 64, 64, 64, 16]", model.network().architecture());
        assertEquals(8, model.network().embeddingSize());
        assertEquals(3.1415927410125732, model.network().pi());
        Sde.VariancePreserving sde = assertInstanceOf(Sde.VariancePreserving.class, model.sde());
        assertEquals(0.1, sde.betaMin());
        assertEquals(20.0, sde.betaMax());
        assertEquals(1.0, sde.horizon());
        assertEquals(0.0010000000474974513, sde.epsilon());
        assertNormalisationMatchesGolden(model, GoldenCsv.read("test_diffusion_vp_logprob.csv"), "x", "z");
    }

    @Test
    void veTestModelKeepsTheFloat32SdeConstants() {
        DiffusionModel model = DiffusionModelLoader.load(GoldenModels.testModel("ve")).model();
        assertEquals(Activation.TANH, model.network().activation());
        Sde.VarianceExploding sde = assertInstanceOf(Sde.VarianceExploding.class, model.sde());
        assertEquals(0.009999999776482582, sde.sigmaMin());
        assertEquals(10.0, sde.sigmaMax());
        assertEquals(9.999999747378752e-06, sde.epsilon());
        assertEquals(10.0, sde.baseStd());
        assertEquals(-5.031897761267089, model.logScaleSum(), 1e-12);
    }

    @Test
    void noiseModelIsFoundInsideTheNoiseModelWrapper() {
        LoadedDiffusionModel loaded = DiffusionModelLoader.load(GoldenModels.noiseModel());
        DiffusionModel model = loaded.model();
        assertEquals("model", loaded.objectPath());
        assertEquals("pop_cosmos.catalogue.NoiseModel", loaded.rootClass());
        assertTrue(loaded.report().contains("at 'model' inside a pop_cosmos.catalogue.NoiseModel"), loaded.report());
        assertTrue(model.isConditional());
        assertTrue(model.noSigma());
        assertEquals(26, model.conditionals());
        assertEquals("[60, 256, 256, 256, 256, 256, 26]", model.network().architecture());
        // beta_max is a float32 tensor attribute in this file, not a number
        assertEquals(20.0, assertInstanceOf(Sde.VariancePreserving.class, model.sde()).betaMax());
        assertEquals(-33.499892107860376, model.logScaleSum(), 1e-12);
        GoldenCsv golden = GoldenCsv.read("noise_model_logprob.csv");
        assertNormalisationMatchesGolden(model, golden, "lnsigma", "x");
        double[] shift = model.conditionalShift();
        double[] scale = model.conditionalScale();
        for (int r = 0; r < golden.rows(); r += 7) {
            for (int j = 0; j < 26; j++) {
                assertEquals(golden.value(r, "condn" + j), (golden.value(r, "cond" + j) - shift[j]) / scale[j], 1e-12);
            }
        }
    }

    @Test
    void explicitObjectPathSelectsAModelAndAWrongOneIsRefused() {
        assertEquals(26, DiffusionModelLoader.load(GoldenModels.noiseModel(), "model").model().dimensions());
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> DiffusionModelLoader.load(GoldenModels.noiseModel(), "population_model"));
        assertTrue(e.getMessage().contains("no object at 'population_model'"), e.getMessage());
    }

    @Test
    void aFileWithoutADiffusionModelIsRefused() {
        Path photulator = SharedPaths.models().resolve("photulator_models/model_4x128_alsing20_hsc_g_cpu.pt");
        ModelFileException e = assertThrows(ModelFileException.class, () -> DiffusionModelLoader.load(photulator));
        assertTrue(e.getMessage().contains("no flowfusion diffusion model"), e.getMessage());
        assertTrue(e.getMessage().contains("speculator.speculator.Photulator"), e.getMessage());
    }

    @Test
    void anUnknownSdeClassIsRefusedByName() throws IOException {
        Path patched = patchPickle(GoldenModels.testModel("vp"), "flowfusion.diffusion\nVPSDE\n", "flowfusion.diffusion\nXPSDE\n");
        ModelFileException e = assertThrows(ModelFileException.class, () -> DiffusionModelLoader.load(patched));
        assertTrue(e.getMessage().contains("flowfusion.diffusion.XPSDE"), e.getMessage());
        assertTrue(e.getMessage().contains("supported: VPSDE, VESDE, SUBVPSDE"), e.getMessage());
    }

    @Test
    void anUnknownActivationIsRefusedByName() throws IOException {
        Path patched = patchPickle(GoldenModels.testModel("vp"), "activation\nSiLU\n", "activation\nReLU\n");
        ModelFileException e = assertThrows(ModelFileException.class, () -> DiffusionModelLoader.load(patched));
        assertTrue(e.getMessage().contains("torch.nn.modules.activation.ReLU"), e.getMessage());
        assertTrue(e.getMessage().contains("model.activation"), e.getMessage());
    }

    private static void assertNormalisationMatchesGolden(DiffusionModel model, GoldenCsv golden, String raw, String normalised) {
        double[] shift = model.shift();
        double[] scale = model.scale();
        for (int r = 0; r < golden.rows(); r++) {
            for (int j = 0; j < model.dimensions(); j++) {
                assertEquals(golden.value(r, normalised + j), (golden.value(r, raw + j) - shift[j]) / scale[j], 1e-12,
                        "row " + r + " column " + j);
            }
        }
    }

    /** Copy of a torch zip with one byte-for-byte substitution in its pickle (same length, so still valid). */
    private Path patchPickle(Path source, String from, String to) throws IOException {
        Path out = temp.resolve("patched-" + source.getFileName());
        try (ZipFile zip = new ZipFile(source.toFile()); OutputStream os = Files.newOutputStream(out);
                ZipOutputStream zos = new ZipOutputStream(os)) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith("data.pkl")) {
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    assertTrue(text.contains(from), "pickle has no " + from);
                    bytes = text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
                }
                zos.putNextEntry(new ZipEntry(entry.getName()));
                zos.write(bytes);
                zos.closeEntry();
            }
        }
        return out;
    }
}
