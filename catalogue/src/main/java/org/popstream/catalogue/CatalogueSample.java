package org.popstream.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A reproducible random subset of a CSV catalogue, written as a CSV of its own. The shared COSMOS
 * file is ordered by redshift bin, so its first rows would all sit at z ≈ 2.5; a seeded shuffle
 * gives the demo a sample that spans the whole file.
 */
public final class CatalogueSample {

    private CatalogueSample() {}

    /** Writes the header and {@code n} data lines chosen with {@code seed} (all lines if fewer), in file order. */
    public static int write(Path catalogue, Path sample, int n, long seed) throws IOException {
        List<String> lines = Files.readAllLines(catalogue, StandardCharsets.UTF_8);
        int header = 0;
        while (header < lines.size() && lines.get(header).startsWith("#")) {
            header++;
        }
        if (header >= lines.size()) {
            throw new IOException(catalogue + " has no header line");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(i);
            }
        }
        Collections.shuffle(rows, new Random(seed));
        List<Integer> chosen = new ArrayList<>(rows.subList(0, Math.min(n, rows.size())));
        Collections.sort(chosen);
        List<String> out = new ArrayList<>(chosen.size() + 1);
        out.add(lines.get(header));
        chosen.forEach(i -> out.add(lines.get(i)));
        Files.createDirectories(sample.toAbsolutePath().getParent());
        Files.write(sample, out, StandardCharsets.UTF_8);
        return chosen.size();
    }
}
