package org.popstream.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * Downloads the published model files into a cache folder, checking each against its pinned SHA-256.
 *
 * <p>A file appears under its own name only after its digest matched: it is written to a temporary
 * {@code .part} file beside it and moved into place atomically, so an interrupted or corrupted
 * download never leaves a file a loader could mistake for the real one. {@code SHA256SUMS} is written
 * last and marks the folder complete ({@link #isComplete}). Files already in the cache with the right
 * digest are kept, so a second fetch downloads nothing.
 */
public final class ModelFetcher {

    /** Raw-file host of the upstream repository; {@code <base>/<owner>/<name>/<commit>/<path>}. */
    public static final URI DEFAULT_BASE = URI.create("https://raw.githubusercontent.com/");
    public static final String ENV_CACHE = "POPSTREAM_MODEL_CACHE";

    /** What happened to each file, for a progress display. */
    public interface Listener {
        void reused(PublishedModelFiles.File file);

        void downloaded(PublishedModelFiles.File file, long bytes);
    }

    /** Counts of one fetch. */
    public record Report(Path folder, int downloaded, int reused, long bytes) {}

    private final PublishedModelFiles published;
    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;

    public ModelFetcher(PublishedModelFiles published, URI base, Duration connectTimeout, Duration requestTimeout) {
        this.published = published;
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.requestTimeout = requestTimeout;
    }

    /** The folder the published files of {@code published} are cached in, per user, per pinned commit. */
    public static Path defaultCache(PublishedModelFiles published, Map<String, String> env) {
        Path root;
        if (env.get(ENV_CACHE) != null && !env.get(ENV_CACHE).isBlank()) {
            root = Path.of(env.get(ENV_CACHE));
        } else if (env.get("XDG_CACHE_HOME") != null && !env.get("XDG_CACHE_HOME").isBlank()) {
            root = Path.of(env.get("XDG_CACHE_HOME"), "popstream", "models");
        } else {
            root = Path.of(System.getProperty("user.home"), ".cache", "popstream", "models");
        }
        return root.resolve("pop-cosmos-" + published.commit().substring(0, 12));
    }

    /** Whether {@code folder} holds a completed fetch (its {@code SHA256SUMS} is written last). */
    public static boolean isComplete(Path folder) {
        return Files.isRegularFile(folder.resolve("SHA256SUMS"));
    }

    /**
     * Fetches every file not already cached with the right digest.
     *
     * @throws ModelFetchException naming the file and the reason (unreachable server, HTTP status,
     *                             digest mismatch, unwritable folder); nothing half-written is left behind
     */
    public Report fetch(Path folder, Listener listener) {
        int downloaded = 0;
        int reused = 0;
        long bytes = 0;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ModelFetchException(folder + ": cannot create the model cache folder: " + e.getMessage(), e);
        }
        for (PublishedModelFiles.File file : published.files()) {
            Path target = folder.resolve(file.relativePath());
            if (Files.isRegularFile(target) && ModelDirectory.sha256(target).equals(file.sha256())) {
                listener.reused(file);
                reused++;
                continue;
            }
            long size = download(file, target);
            listener.downloaded(file, size);
            downloaded++;
            bytes += size;
        }
        writeAtomically(folder.resolve("SHA256SUMS"), published.checksumList().getBytes(StandardCharsets.UTF_8));
        return new Report(folder, downloaded, reused, bytes);
    }

    private long download(PublishedModelFiles.File file, Path target) {
        URI uri = base.resolve(published.repository() + "/" + published.commit() + "/" + published.upstreamPath(file));
        Path part = null;
        try {
            Files.createDirectories(target.getParent());
            part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ModelFetchException(uri + ": HTTP " + response.statusCode() + " for " + file.relativePath());
                }
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
                    size = in.transferTo(out);
                }
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(file.sha256())) {
                throw new ModelFetchException(file.relativePath() + ": downloaded sha256 " + actual
                        + " differs from the pinned " + file.sha256() + " (" + uri + "); the file was not kept");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            part = null;
            return size;
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ModelFetchException("cannot reach " + uri.getScheme() + "://" + uri.getAuthority()
                    + " to download " + file.relativePath() + " (" + describe(e) + "); check the network, or give"
                    + " --models DIR with the files", e);
        } catch (HttpTimeoutException e) {
            throw new ModelFetchException(uri + ": no complete answer within " + requestTimeout.toSeconds()
                    + " s for " + file.relativePath(), e);
        } catch (IOException e) {
            throw new ModelFetchException(uri + ": download of " + file.relativePath() + " failed ("
                    + describe(e) + "); nothing was kept", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFetchException("download of " + file.relativePath() + " interrupted; nothing was kept", e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // the .part name never matches a model file, so a leftover is harmless
                }
            }
        }
    }

    private static void writeAtomically(Path target, byte[] content) {
        try {
            Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.write(part, content);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ModelFetchException(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
