package org.popstream.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.testing.SharedPaths;

/** {@code popstream models fetch} against a local HTTP server laid out like the upstream repository. */
@Timeout(60)
class ModelFetcherTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Function<byte[], byte[]>> tamper = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void thePublishedFilesDownloadIntoAFolderTheLoaderAcceptsAndASecondFetchReusesThem() throws IOException {
        PublishedModelFiles real = PublishedModelFiles.popCosmos();
        PublishedModelFiles published = new PublishedModelFiles(real.repository(), COMMIT, real.files());
        URI base = serve(published, SharedPaths.models());
        ModelFetcher fetcher = fetcher(published, base);

        ModelFetcher.Report first = fetcher.fetch(cache, quiet());
        assertEquals(published.files().size(), first.downloaded());
        assertEquals(0, first.reused());
        assertTrue(ModelFetcher.isComplete(cache));
        List<Path> all = published.files().stream().map(f -> cache.resolve(f.relativePath())).toList();
        new ModelDirectory(cache).verify(all); // the loader's own check of SHA256SUMS
        assertEquals(real.files().size(), all.stream().filter(Files::isRegularFile).count());

        int requestsAfterFirst = requests.get();
        ModelFetcher.Report second = fetcher.fetch(cache, quiet());
        assertEquals(0, second.downloaded());
        assertEquals(published.files().size(), second.reused());
        assertEquals(requestsAfterFirst, requests.get(), "a complete cache must not touch the network");
    }

    @Test
    void aFileWhoseDigestDiffersIsRefusedAndNotKept() throws IOException {
        PublishedModelFiles published = tiny();
        tamper.put("trained_models/b.bin", bytes -> {
            byte[] copy = bytes.clone();
            copy[0] ^= 1;
            return copy;
        });
        ModelFetcher fetcher = fetcher(published, serveTiny(published));

        ModelFetchException e = assertThrows(ModelFetchException.class, () -> fetcher.fetch(cache, quiet()));
        assertTrue(e.getMessage().contains("b.bin") && e.getMessage().contains("differs from the pinned"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("b.bin")));
        assertFalse(ModelFetcher.isComplete(cache), "an incomplete fetch must not look complete");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDownloadCutOffHalfWayLeavesNoFileBehind() throws IOException {
        PublishedModelFiles published = tiny();
        URI base = serveTiny(published);
        server.removeContext("/" + published.repository() + "/" + COMMIT + "/trained_models/b.bin");
        server.createContext("/" + published.repository() + "/" + COMMIT + "/trained_models/b.bin", exchange -> {
            exchange.sendResponseHeaders(200, 4096); // promises 4096 bytes, sends 100 and hangs up
            exchange.getResponseBody().write(new byte[100]);
            exchange.getResponseBody().flush();
            exchange.close();
        });
        ModelFetcher fetcher = fetcher(published, base);

        ModelFetchException e = assertThrows(ModelFetchException.class, () -> fetcher.fetch(cache, quiet()));
        assertTrue(e.getMessage().contains("b.bin"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("b.bin")));
        assertFalse(ModelFetcher.isComplete(cache));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aMissingFileIsReportedWithItsHttpStatus() throws IOException {
        PublishedModelFiles published = tiny();
        URI base = serveTiny(published);
        server.removeContext("/" + published.repository() + "/" + COMMIT + "/trained_models/b.bin");
        ModelFetcher fetcher = fetcher(published, base);

        ModelFetchException e = assertThrows(ModelFetchException.class, () -> fetcher.fetch(cache, quiet()));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("b.bin"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsReportedClearly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelFetcher fetcher = fetcher(tiny(), URI.create("http://127.0.0.1:" + closedPort + "/"));

        ModelFetchException e = assertThrows(ModelFetchException.class, () -> fetcher.fetch(cache, quiet()));
        assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + closedPort), e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void theDefaultCacheIsPerUserAndPinnedCommit() {
        PublishedModelFiles published = PublishedModelFiles.popCosmos();
        assertEquals(Path.of("/data/cache/pop-cosmos-d83491651497"),
                ModelFetcher.defaultCache(published, Map.of(ModelFetcher.ENV_CACHE, "/data/cache")));
        assertEquals(Path.of("/xdg/popstream/models/pop-cosmos-d83491651497"),
                ModelFetcher.defaultCache(published, Map.of("XDG_CACHE_HOME", "/xdg")));
    }

    @Test
    void modelDirectoryFallsBackToACompletedCacheWhenNoSharedFolderExists(@TempDir Path home) throws IOException {
        PublishedModelFiles published = PublishedModelFiles.popCosmos();
        // the project home's ../shared must not exist: nest the home inside the temporary folder
        Path project = Files.createDirectories(home.resolve("checkout").resolve("main"));
        Map<String, String> env = Map.of(ModelDirectory.ENV_HOME, project.toString(), ModelFetcher.ENV_CACHE, cache.toString());
        Path folder = ModelFetcher.defaultCache(published, env);

        ModelFileException missing = assertThrows(ModelFileException.class, () -> ModelDirectory.resolve(null, env));
        assertTrue(missing.getMessage().contains("popstream models fetch"), missing.getMessage());

        Files.createDirectories(folder);
        Files.writeString(folder.resolve("SHA256SUMS"), published.checksumList());
        assertEquals(folder.toAbsolutePath().normalize(), ModelDirectory.resolve(null, env).root());
    }

    private PublishedModelFiles tiny() {
        List<PublishedModelFiles.File> files = new ArrayList<>();
        for (String name : List.of("a.bin", "b.bin", "LICENSE")) {
            files.add(new PublishedModelFiles.File(name, sha256(content(name))));
        }
        return new PublishedModelFiles("Example/models", COMMIT, files);
    }

    private static byte[] content(String name) {
        byte[] bytes = new byte[2048];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (name.hashCode() * 31 + i);
        }
        return bytes;
    }

    private URI serveTiny(PublishedModelFiles published) throws IOException {
        Path upstream = Files.createTempDirectory(cache.getParent(), "upstream");
        for (PublishedModelFiles.File file : published.files()) {
            Files.write(upstream.resolve(file.relativePath()), content(file.relativePath()));
        }
        return serve(published, upstream);
    }

    /** Serves {@code folder}'s files at the paths the upstream repository has them under. */
    private URI serve(PublishedModelFiles published, Path folder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (PublishedModelFiles.File file : published.files()) {
            String upstreamPath = published.upstreamPath(file);
            Path source = folder.resolve(file.relativePath());
            server.createContext("/" + published.repository() + "/" + published.commit() + "/" + upstreamPath,
                    exchange -> send(exchange, tamper.getOrDefault(upstreamPath, b -> b).apply(Files.readAllBytes(source))));
        }
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void send(HttpExchange exchange, byte[] body) throws IOException {
        requests.incrementAndGet();
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private static ModelFetcher fetcher(PublishedModelFiles published, URI base) {
        return new ModelFetcher(published, base, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    private static ModelFetcher.Listener quiet() {
        return new ModelFetcher.Listener() {
            @Override
            public void reused(PublishedModelFiles.File file) {}

            @Override
            public void downloaded(PublishedModelFiles.File file, long bytes) {}
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
