package org.popstream.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueSampleTest {

    @TempDir Path dir;

    @Test
    void samplesAreSeededSubsetsInFileOrderThatKeepTheHeader() throws Exception {
        Path catalogue = dir.resolve("cat.csv");
        List<String> lines = new java.util.ArrayList<>(List.of("# comment", "id,spec_z"));
        IntStream.range(0, 100).forEach(i -> lines.add(i + "," + (i / 10.0)));
        Files.write(catalogue, lines);

        assertEquals(10, CatalogueSample.write(catalogue, dir.resolve("a.csv"), 10, 7));
        CatalogueSample.write(catalogue, dir.resolve("b.csv"), 10, 7);
        CatalogueSample.write(catalogue, dir.resolve("c.csv"), 10, 8);
        List<String> a = Files.readAllLines(dir.resolve("a.csv"));

        assertEquals("id,spec_z", a.get(0));
        assertEquals(11, a.size());
        assertEquals(a, Files.readAllLines(dir.resolve("b.csv")), "same seed, same sample");
        assertNotEquals(a, Files.readAllLines(dir.resolve("c.csv")), "another seed, another sample");
        List<Integer> ids = a.stream().skip(1).map(l -> Integer.parseInt(l.split(",")[0])).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "rows stay in file order");
        assertTrue(ids.get(ids.size() - 1) - ids.get(0) > 30, "a random draw spans the file, not its head: " + ids);
    }

    @Test
    void askingForMoreRowsThanExistTakesThemAll() throws Exception {
        Path catalogue = dir.resolve("small.csv");
        Files.write(catalogue, List.of("id", "1", "2", "3"));
        assertEquals(3, CatalogueSample.write(catalogue, dir.resolve("all.csv"), 50, 1));
        assertEquals(List.of("id", "1", "2", "3"), Files.readAllLines(dir.resolve("all.csv")));
    }
}
