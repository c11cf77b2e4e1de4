package org.popstream.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder holding the published pop-cosmos model files, as upstream lays them out.
 *
 * <p>Resolution order: an explicit option ({@code --models}), then env {@code POPSTREAM_MODELS},
 * then {@code ../shared/models/pop-cosmos} relative to the project root (env {@code POPSTREAM_HOME},
 * set by the launcher; else the working directory), then the cache {@code popstream models fetch} fills
 * ({@link ModelFetcher#defaultCache}) when a fetch there completed.
 */
public record ModelDirectory(Path root) {

    public static final String ENV_MODELS = "POPSTREAM_MODELS";
    public static final String ENV_HOME = "POPSTREAM_HOME";

    public ModelDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** Resolves the directory and checks that it exists. */
    public static ModelDirectory resolve(Path option, Map<String, String> env) {
        Path dir;
        if (option != null) {
            dir = option;
        } else if (env.get(ENV_MODELS) != null && !env.get(ENV_MODELS).isBlank()) {
            dir = Path.of(env.get(ENV_MODELS));
        } else {
            Path home = env.get(ENV_HOME) != null ? Path.of(env.get(ENV_HOME)) : Path.of("");
            dir = home.toAbsolutePath().resolve("../shared/models/pop-cosmos");
            Path cache = ModelFetcher.defaultCache(PublishedModelFiles.popCosmos(), env);
            if (!Files.isDirectory(dir) && ModelFetcher.isComplete(cache)) {
                dir = cache;
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new ModelFileException(dir, "model directory not found (give --models DIR, set " + ENV_MODELS
                    + ", or download the published files with `popstream models fetch`)");
        }
        return new ModelDirectory(dir);
    }

    /** Resolves from the process environment. */
    public static ModelDirectory resolve(Path option) {
        return resolve(option, System.getenv());
    }

    public Path photulator(Band band) {
        return root.resolve("photulator_models").resolve("model_4x128_alsing20_" + band.name() + "_cpu.pt");
    }

    public Path stellarMassEmulator() {
        return root.resolve("stellar_mass_emulator.pt");
    }

    public Path stellarMassShiftScale() {
        return root.resolve("stellar_mass_parameter_shift-scale.pkl");
    }

    public Path noiseModel() {
        return root.resolve("noiseModel.pt");
    }

    /** State dict of the emission-line Speculator network. */
    public Path emissionLineNetwork() {
        return root.resolve("emline_speculator_models").resolve("speculator-emlinesabsmags");
    }

    /** PCA basis and normalisations of the emission-line Speculator. */
    public Path emissionLinePcaBasis() {
        return root.resolve("emline_speculator_models").resolve("PCABasis.npz");
    }

    /** Rest wavelengths (Å) of the 128 emulated lines. */
    public Path emissionLineWavelengths() {
        return root.resolve("emline_speculator_models").resolve("elams.npy");
    }

    /** Generalised-normal bandpass model of one band, used to place redshifted lines in it. */
    public Path bandpassModel(Band band) {
        return root.resolve("emline_bandpass_models").resolve("line_gengmmcoeffs_" + band.name() + ".npy");
    }

    /**
     * Checks the files against {@code SHA256SUMS} in the directory.
     *
     * @throws ModelFileException naming the first file whose digest differs or is not listed
     */
    public void verify(Collection<Path> files) {
        Map<String, String> expected = checksums();
        for (Path file : files) {
            String relative = root.relativize(file.toAbsolutePath().normalize()).toString();
            String listed = expected.get(relative);
            if (listed == null) {
                throw new ModelFileException(file, "not listed in " + root.resolve("SHA256SUMS"));
            }
            String actual = sha256(file);
            if (!listed.equals(actual)) {
                throw new ModelFileException(file, "sha256 " + actual + " differs from SHA256SUMS (" + listed + ")");
            }
        }
    }

    /**
     * A version string for a set of model files: the first 16 hex digits of a sha256 over each
     * file's relative path and content digest (in the given order), so it changes with any file.
     */
    public String version(Collection<Path> files) {
        MessageDigest digest = newDigest();
        for (Path file : files) {
            String relative = root.relativize(file.toAbsolutePath().normalize()).toString();
            digest.update((relative + " " + sha256(file) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private Map<String, String> checksums() {
        Path sums = root.resolve("SHA256SUMS");
        Map<String, String> map = new HashMap<>();
        try {
            for (String line : Files.readAllLines(sums)) {
                String[] parts = line.trim().split("\\s+", 2);
                if (parts.length == 2) {
                    map.put(parts[1].startsWith("*") ? parts[1].substring(1) : parts[1], parts[0].toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new ModelFileException(sums, "cannot read checksums: " + e.getMessage(), e);
        }
        return map;
    }

    static String sha256(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** All photulator files for the given bands. */
    public List<Path> photulators(Collection<Band> bands) {
        List<Path> files = new ArrayList<>();
        for (Band band : bands) {
            files.add(photulator(band));
        }
        return files;
    }
}
