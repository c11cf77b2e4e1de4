package org.popstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.popstream.job.config.JobConfigParser;
import org.popstream.job.config.PopstreamJobConfig;
import org.popstream.job.inference.TensorFlowFitterFactory;
import org.popstream.job.local.LocalPopstream;
import org.popstream.kafka.PopstreamTopic;
import org.popstream.testing.CsvTable;
import org.popstream.testing.SharedPaths;
import org.popstream.testing.kafka.EmbeddedKafkaExtension;
import picocli.CommandLine;

/**
 * The same two COSMOS2020 galaxies fitted by {@code popstream fit} and streamed through {@code replay},
 * the job (real TensorFlow fitter, tiny sampler) and {@code tail --output}: the two CSV files agree
 * cell by cell, column by column (attribute columns may come in another order).
 */
// every wait bounded: real fits on a shared 2-core machine; a lost record fails, never hangs the build
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TailMatchesFitTest {

    @RegisterExtension static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @TempDir static Path temp;

    /** Tiny but complete: bank, MAP start, burn-in, thinning; batch 2 in both so the TF shapes match. */
    private static final Map<String, String> SAMPLER = Map.of(
            "sampler.walkers", "8", "sampler.steps", "30", "sampler.burn", "10", "sampler.thin", "5",
            "sampler.seed", "3", "init.bank", "256", "init.starts", "1", "init.adam-steps", "10", "batch.size", "2");

    @BeforeAll
    static void createTopics() {
        KAFKA.createTopics(Arrays.stream(PopstreamTopic.values()).map(t -> t.newTopic((short) 1)).toList());
    }

    private record Run(int status, String err) {}

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = PopstreamCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void tailWritesWhatFitWritesForTheSameGalaxies() throws Exception {
        Path catalogue = CsvTable.read(SharedPaths.data("cosmos2020_specz_highz/cosmos2020_specz_highz_dev.csv")).head(2)
                .write(temp.resolve("two.csv"));
        Path fitted = temp.resolve("fit.csv");
        Run fit = run("fit", "--input", catalogue.toString(), "--output", fitted.toString(),
                "--models", SharedPaths.models().toString(), "--batch", SAMPLER.get("batch.size"),
                "--walkers", SAMPLER.get("sampler.walkers"), "--steps", SAMPLER.get("sampler.steps"),
                "--burn", SAMPLER.get("sampler.burn"), "--thin", SAMPLER.get("sampler.thin"),
                "--seed", SAMPLER.get("sampler.seed"), "--bank", SAMPLER.get("init.bank"),
                "--starts", SAMPLER.get("init.starts"), "--adam-steps", SAMPLER.get("init.adam-steps"));
        assertEquals(0, fit.status(), fit.err());

        Map<String, String> settings = new HashMap<>(SAMPLER);
        settings.put(JobConfigParser.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        settings.put(JobConfigParser.MODELS_DIR, SharedPaths.models().toString());
        settings.put(JobConfigParser.BATCH_BUCKETS, "1");
        settings.put(JobConfigParser.CHECKPOINT_INTERVAL_MS, "500");
        PopstreamJobConfig config = JobConfigParser.parse(settings);
        Path tailed = temp.resolve("tail.csv");
        try (LocalPopstream job = LocalPopstream.start(config, new TensorFlowFitterFactory(config), 0)) {
            Run replay = run("replay", "--input", catalogue.toString(), "--bootstrap", KAFKA.bootstrapServers());
            assertEquals(0, replay.status(), replay.err());
            Run tail = run("tail", "--bootstrap", KAFKA.bootstrapServers(), "--topic", "posteriors", "--from-beginning",
                    "--max", "2", "--timeout", "240", "--output", tailed.toString());
            assertEquals(0, tail.status(), tail.err());
        }

        assertEquals(byIdAndColumn(CsvTable.read(fitted)), byIdAndColumn(CsvTable.read(tailed)));
    }

    private static Map<String, Map<String, String>> byIdAndColumn(CsvTable table) {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            rows.put(table.cell(r, "id"), table.rowAsMap(r));
        }
        assertEquals(table.rows().size(), rows.size(), "one row per galaxy");
        return rows;
    }
}
