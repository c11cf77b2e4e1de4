package org.popstream.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.popstream.inference.model.ModelFetchException;
import org.popstream.inference.model.ModelFetcher;
import org.popstream.inference.model.PublishedModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code popstream models fetch}: the published pop-cosmos files into a local cache, checked by SHA-256. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Manages the pop-cosmos model files popstream loads.",
        subcommands = ModelsCommand.Fetch.class)
public final class ModelsCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Downloads what the cache lacks. */
    @Command(
            name = "fetch",
            mixinStandardHelpOptions = true,
            description = "Downloads the pop-cosmos model files from the upstream repository at the commit popstream"
                    + " is pinned to, checks each against its SHA-256 and keeps them in a cache folder. Every command"
                    + " finds that folder when neither --models nor POPSTREAM_MODELS nor ../shared/models/pop-cosmos"
                    + " exists. Files already cached with the right digest are not downloaded again.")
    static final class Fetch implements Callable<Integer> {

        @Spec CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Cache folder (default: $POPSTREAM_MODEL_CACHE, else $XDG_CACHE_HOME/popstream/models,"
                        + " else ~/.cache/popstream/models; a subfolder per pinned commit).")
        Path dir;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Where the repository's raw files are served (default: ${DEFAULT-VALUE}).",
                defaultValue = "https://raw.githubusercontent.com/")
        URI baseUrl;

        @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
                description = "Seconds one file may take to download (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() {
            PublishedModelFiles published = PublishedModelFiles.popCosmos();
            Path folder = dir != null ? dir : ModelFetcher.defaultCache(published, System.getenv());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("pop-cosmos model files of %s at %s -> %s%n", published.repository(),
                    published.commit().substring(0, 12), folder);
            ModelFetcher fetcher = new ModelFetcher(published, baseUrl, Duration.ofSeconds(20),
                    Duration.ofSeconds(timeoutSeconds));
            try {
                ModelFetcher.Report report = fetcher.fetch(folder, new ModelFetcher.Listener() {
                    @Override
                    public void reused(PublishedModelFiles.File file) {}

                    @Override
                    public void downloaded(PublishedModelFiles.File file, long bytes) {
                        out.printf("  %-70s %,10d bytes, sha256 ok%n", file.relativePath(), bytes);
                        out.flush();
                    }
                });
                out.printf("%d files downloaded (%,d bytes), %d already cached and checked; use --models %s%n",
                        report.downloaded(), report.bytes(), report.reused(), report.folder());
                return 0;
            } catch (ModelFetchException e) {
                spec.commandLine().getErr().println("popstream models fetch: " + e.getMessage());
                return 1;
            }
        }
    }
}
