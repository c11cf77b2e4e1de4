package org.popstream.job.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

    @TempDir Path state;

    private Path checkpoint(String job, int n, long modifiedMillis) throws Exception {
        Path dir = Files.createDirectories(state.resolve(job).resolve("chk-" + n));
        Path metadata = Files.createFile(dir.resolve("_metadata"));
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(modifiedMillis));
        return dir;
    }

    @Test
    void noStateDirectoryOrNoCheckpointMeansAFreshStart() throws Exception {
        assertEquals(Optional.empty(), RetainedCheckpoints.latest(state.resolve("missing")));
        Files.createDirectories(state.resolve("job-a").resolve("chk-1"));
        assertEquals(Optional.empty(), RetainedCheckpoints.latest(state), "a checkpoint without _metadata is incomplete");
    }

    @Test
    void theMostRecentlyCompletedCheckpointWinsAcrossJobs() throws Exception {
        checkpoint("job-a", 40, 1_000);
        Path newest = checkpoint("job-b", 3, 5_000);
        checkpoint("job-b", 2, 4_000);

        Optional<Path> latest = RetainedCheckpoints.latest(state);

        assertTrue(latest.isPresent());
        assertEquals(newest, latest.get());
    }
}
