package org.popstream.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pop-cosmos model files popstream uses, as published upstream at one pinned commit, each with the
 * SHA-256 it must have. The list ships with popstream (a copy of the {@code SHA256SUMS} we wrote for the
 * model folder), so a download can be checked without trusting the server.
 *
 * @param repository upstream repository ({@code owner/name})
 * @param commit     the pinned commit every file is fetched from
 * @param files      relative paths inside the model folder and their digests
 */
public record PublishedModelFiles(String repository, String commit, List<File> files) {

    /** One file of the model folder. */
    public record File(String relativePath, String sha256) {

        public File {
            if (relativePath.isBlank() || relativePath.startsWith("/") || relativePath.contains("..")) {
                throw new IllegalArgumentException("model file path must be relative and inside the folder: " + relativePath);
            }
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a sha256 digest for " + relativePath + ": " + sha256);
            }
        }
    }

    /** The files of {@code Cosmo-Pop/pop-cosmos} at commit d8349165 ("arXiv badges", 2025-06-17). */
    public static PublishedModelFiles popCosmos() {
        return new PublishedModelFiles("Cosmo-Pop/pop-cosmos", "d8349165149734f56e0d07a7c200183429816da0",
                parse(resource("pop-cosmos-files.sha256")));
    }

    public PublishedModelFiles {
        files = List.copyOf(files);
    }

    /** Where the file lies in the upstream repository: the model folder is {@code trained_models/}, the licence at the top. */
    public String upstreamPath(File file) {
        return file.relativePath().equals("LICENSE") ? "LICENSE" : "trained_models/" + file.relativePath();
    }

    /** The checksum list in {@code sha256sum} format, as the model folder keeps it in {@code SHA256SUMS}. */
    public String checksumList() {
        StringBuilder text = new StringBuilder();
        for (File file : files) {
            text.append(file.sha256()).append("  ").append(file.relativePath()).append('\n');
        }
        return text.toString();
    }

    static List<File> parse(String sha256sums) {
        List<File> files = new ArrayList<>();
        for (String line : sha256sums.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("malformed checksum line: " + line);
            }
            String path = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
            files.add(new File(path, parts[0].toLowerCase()));
        }
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = PublishedModelFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("popstream is missing its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
