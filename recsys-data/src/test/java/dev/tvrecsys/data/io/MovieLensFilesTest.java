package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the public MovieLens files from the shared data folder, skipping where it is absent. */
class MovieLensFilesTest {

    private static Path sharedFile(String relative) {
        Path dir = Path.of(System.getProperty("shared.data.dir", "../shared/data"));
        Path file = dir.resolve(relative);
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                () -> "skipped: " + file.toAbsolutePath() + " is missing; set -Dshared.data.dir");
        return file;
    }

    private static long distinct(int[] values) {
        return Arrays.stream(values).distinct().count();
    }

    @Test
    void read_movieLens100kCounts() throws IOException {
        Path file = sharedFile("movielens-100k/u.data");

        ReadResult result = LogReaders.read(file);
        EventLog log = result.log();

        assertEquals(Format.MOVIELENS_100K, Format.detect(file));
        assertEquals(100_000, log.size());
        assertEquals(943, distinct(log.userIds()));
        assertEquals(1_682, distinct(log.showIds()));
        assertTrue(log.hasClockTime());
        assertEquals(0, result.report().skippedTotal());
    }

    @Test
    void read_movieLens1mSequenceCounts() throws IOException {
        Path file = sharedFile("movielens-1m/sequences.tsv");

        EventLog log = LogReaders.read(file).log();

        assertEquals(1_000_209, log.size());
        assertEquals(6_040, distinct(log.userIds()));
        assertEquals(3_706, distinct(log.showIds()));
        assertFalse(log.hasClockTime());
    }
}
