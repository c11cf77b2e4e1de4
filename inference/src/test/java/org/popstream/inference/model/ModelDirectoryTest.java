package org.popstream.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.SharedPaths;

class ModelDirectoryTest {

    private final ModelDirectory models = new ModelDirectory(SharedPaths.models());

    @Test
    void resolvesOptionThenEnvironmentThenProjectRelative(@TempDir Path dir) throws IOException {
        Path option = Files.createDirectory(dir.resolve("opt"));
        Path env = Files.createDirectory(dir.resolve("env"));
        Path home = Files.createDirectories(dir.resolve("project"));
        Path relative = Files.createDirectories(dir.resolve("shared/models/pop-cosmos"));
        Map<String, String> vars = Map.of(ModelDirectory.ENV_MODELS, env.toString(), ModelDirectory.ENV_HOME, home.toString());
        assertEquals(option, ModelDirectory.resolve(option, vars).root());
        assertEquals(env, ModelDirectory.resolve(null, vars).root());
        assertEquals(relative, ModelDirectory.resolve(null, Map.of(ModelDirectory.ENV_HOME, home.toString())).root());
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelDirectory.resolve(dir.resolve("nowhere"), vars));
        assertTrue(e.getMessage().contains("nowhere"));
    }

    @Test
    void publishedFilesMatchTheirChecksumsAndVersionDependsOnFiles() {
        List<Path> g = models.photulators(CosmosBands.parse("hsc_g"));
        List<Path> gr = models.photulators(CosmosBands.parse("hsc_g,hsc_r"));
        models.verify(gr);
        assertEquals(16, models.version(g).length());
        assertNotEquals(models.version(g), models.version(gr));
    }

    /** The version names the files' content, not where the directory lies: a copy has it, an edit changes it. */
    @Test
    void versionFollowsContentNotLocation(@TempDir Path dir) throws IOException {
        List<Path> g = models.photulators(CosmosBands.parse("hsc_g"));
        List<Path> copies = new java.util.ArrayList<>();
        for (Path file : g) {
            Path copy = dir.resolve(models.root().relativize(file));
            Files.createDirectories(copy.getParent());
            copies.add(Files.copy(file, copy));
        }
        ModelDirectory copied = new ModelDirectory(dir);

        assertEquals(models.version(g), copied.version(copies));

        byte[] bytes = Files.readAllBytes(copies.get(0));
        bytes[bytes.length - 1] ^= 1;
        Files.write(copies.get(0), bytes);
        assertNotEquals(models.version(g), copied.version(copies));
    }

    @Test
    void tamperedFileFailsVerification(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("SHA256SUMS"),
                "0000000000000000000000000000000000000000000000000000000000000000  a.pt\n");
        Path file = Files.writeString(dir.resolve("a.pt"), "not the published bytes");
        ModelFileException e = assertThrows(ModelFileException.class, () -> new ModelDirectory(dir).verify(List.of(file)));
        assertTrue(e.getMessage().contains("a.pt") && e.getMessage().contains("differs"), e.getMessage());
    }
}
