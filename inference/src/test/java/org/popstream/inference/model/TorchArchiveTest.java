package org.popstream.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.GoldenCsv;
import org.popstream.testing.SharedPaths;

class TorchArchiveTest {

    private static final Path MODELS = SharedPaths.models();
    private static final Path TEST_DIFFUSION = SharedPaths.shared().resolve("models/test-diffusion");

    @Test
    void photulatorBuffersMatchTheGoldenShiftRow() {
        PickledObject module = TorchArchive.loadModule(
                MODELS.resolve("photulator_models/model_4x128_alsing20_hsc_g_cpu.pt"));
        assertEquals("speculator.speculator.Photulator", module.className());
        assertArrayEquals(new int[] {15, 128}, module.tensor("W.0").shape());
        assertArrayEquals(new int[] {128, 1}, module.tensor("W.4").shape());
        assertEquals(ElementType.FLOAT32, module.tensor("W.0").type());
        assertEquals(List.of(15L, 128L, 128L, 128L, 128L, 1L), module.attribute("architecture").orElseThrow());
        // row 0 of every golden photulator table is the emulator's parameters_shift itself
        GoldenCsv golden = GoldenCsv.read("photulator_hsc_g.csv");
        double[] shift = module.tensor("parameters_shift").values();
        for (int i = 0; i < 15; i++) {
            assertEquals(golden.value(0, golden.columns().get(i)), shift[i], 0.0, "shift " + i);
        }
        assertEquals(0.0030850505, module.tensor("f_b").scalar(), 1e-10);
    }

    @Test
    void noiseModelParsesWithItsDoubleBufferAndSharedMlp() {
        PickledObject noise = TorchArchive.loadModule(MODELS.resolve("noiseModel.pt"));
        assertEquals("pop_cosmos.catalogue.NoiseModel", noise.className());
        assertEquals(ElementType.FLOAT64, noise.tensor("nine_log_ten").type());
        assertEquals(9 * Math.log(10), noise.tensor("nine_log_ten").scalar(), 1e-12);
        assertArrayEquals(new int[] {26}, noise.tensor("f_b").shape());
        PickledObject diffusion = noise.module("model");
        assertEquals("flowfusion.diffusion.PopulationModelDiffusionConditional", diffusion.className());
        assertArrayEquals(new int[] {256, 60}, diffusion.tensor("model.NN.0.weight").shape());
        assertArrayEquals(new int[] {256, 256}, diffusion.tensor("model.NN.4.weight").shape());
        assertArrayEquals(new int[] {26, 256}, diffusion.tensor("model.NN.5.weight").shape());
        assertArrayEquals(new int[] {4}, diffusion.tensor("model.W").shape());
        assertEquals(20.0, diffusion.tensor("sde.beta_max").scalar());
        // the score model holds the very same MLP object (a pickle memo reference)
        assertTrue(diffusion.module("model") == diffusion.module("score_model.model"));
    }

    @Test
    void testDiffusionModelsParse() {
        PickledObject vp = TorchArchive.loadModule(TEST_DIFFUSION.resolve("population_vp.pt"));
        assertEquals("flowfusion.diffusion.PopulationModelDiffusion", vp.className());
        assertArrayEquals(new int[] {64, 24}, vp.tensor("model.NN.0.weight").shape());
        assertArrayEquals(new int[] {16, 64}, vp.tensor("model.NN.3.weight").shape());
        assertArrayEquals(new int[] {16}, vp.tensor("shift").shape());
        assertEquals("torch.nn.modules.activation.SiLU", vp.module("model.activation").className());
        assertEquals(20L, vp.module("sde").attribute("beta_max").orElseThrow());
        assertEquals(0.1, vp.module("sde").attribute("beta_min").orElseThrow());

        PickledObject ve = TorchArchive.loadModule(TEST_DIFFUSION.resolve("population_ve.pt"));
        assertEquals("flowfusion.diffusion.VESDE", ve.module("sde").className());
        assertEquals(10.0, ve.tensor("sde.sigma_max").scalar());
        assertEquals((double) 0.01f, ve.tensor("sde.sigma_min").scalar());
    }

    @Test
    void numpyProtocol4PickleGivesShiftAndScale() {
        Object root = PickleFile.load(MODELS.resolve("stellar_mass_parameter_shift-scale.pkl"));
        List<?> pair = assertInstanceOf(List.class, root);
        assertEquals(2, pair.size());
        ModelTensor shift = assertInstanceOf(ModelTensor.class, pair.get(0));
        ModelTensor scale = assertInstanceOf(ModelTensor.class, pair.get(1));
        assertArrayEquals(new int[] {16}, shift.shape());
        assertEquals(ElementType.FLOAT32, scale.type());
        assertTrue(scale.values()[15] > 0);
    }

    @Test
    void refusesAnUnknownGlobalNamingFileAndGlobal(@TempDir Path dir) throws IOException {
        Path evil = dir.resolve("evil.pkl");
        Files.write(evil, "\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000ls\u0085R.".getBytes(StandardCharsets.ISO_8859_1));
        ModelFileException e = assertThrows(ModelFileException.class, () -> PickleFile.load(evil));
        assertTrue(e.getMessage().contains("evil.pkl"), e.getMessage());
        assertTrue(e.getMessage().contains("'os.system'"), e.getMessage());
    }

    @Test
    void reportsMissingFileAndNonZip(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.pt");
        assertTrue(assertThrows(ModelFileException.class, () -> TorchArchive.load(missing))
                .getMessage().contains("not found"));
        Path text = dir.resolve("text.pt");
        Files.writeString(text, "this is not a zip");
        ModelFileException e = assertThrows(ModelFileException.class, () -> TorchArchive.load(text));
        assertTrue(e.getMessage().startsWith(text.toString()) && e.getMessage().contains("not a zip"), e.getMessage());
    }

    @Test
    void rejectsAnEmulatorFileForAnotherBand() {
        Path file = MODELS.resolve("photulator_models/model_4x128_alsing20_hsc_g_cpu.pt");
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> PhotulatorWeights.read(file, CosmosBands.byName("hsc_r")));
        assertTrue(e.getMessage().contains("expected [hsc_r]"), e.getMessage());
    }

    @Test
    void wrongTensorShapeNamesFileAndTensor() {
        Path file = MODELS.resolve("stellar_mass_emulator.pt");
        ModelTensor weight = TorchArchive.loadModule(file).tensor("0.weight");
        ModelFileException e = assertThrows(ModelFileException.class, () -> weight.requireShape(file, "0.weight", 16, 128));
        assertTrue(e.getMessage().contains("stellar_mass_emulator.pt") && e.getMessage().contains("0.weight")
                && e.getMessage().contains("[128, 16]"), e.getMessage());
    }

    @Test
    void unknownBandIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CosmosBands.parse("hsc_g,hsc_q"));
        assertTrue(e.getMessage().contains("'hsc_q'"));
        assertEquals(26, CosmosBands.parse("all").size());
        assertEquals(List.of("hsc_i", "hsc_g"), CosmosBands.parse("hsc_i,hsc_g").stream().map(Band::name).toList());
    }
}
