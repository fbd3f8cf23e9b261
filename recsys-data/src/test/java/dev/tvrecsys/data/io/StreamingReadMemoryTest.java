package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams a Parquet file whose events do not fit the heap of a child JVM, and checks that reading
 * the same file into an {@link dev.tvrecsys.data.EventLog} runs out of memory in that heap.
 *
 * <p>Sizes: 2,000,000 rows with random user ids and episode ids, so that their pages barely
 * compress, written in row groups of 1 MiB. The file has 39,035,060 bytes in 58 row groups of at
 * most 35,287 rows, and its EventLog would take 70 MB at 35 bytes per event, while the child heap
 * is 24 MiB. The timings were measured with OpenJDK 17.0.15 on a 2-core machine shared with other
 * work. In one run, writing the file took about 8 s and the streaming read in the child about 3.5
 * s. The collecting read ran out of memory after about 2.5 s. The whole test took 9 to 15 s in six
 * runs. The streaming read also passed with a 12 MiB heap.
 */
class StreamingReadMemoryTest {

    private static final int ROWS = 2_000_000;
    private static final long ROW_GROUP_BYTES = 1L << 20;
    private static final long HEAP_BYTES = 24L << 20;
    private static final String[] ASSET_TYPES = {"CHANNEL", "VOD", "RECORDING"};

    @TempDir Path dir;

    @Test
    void forEach_fileLargerThanHeap() throws Exception {
        Path file = dir.resolve("large.parquet");
        SplittableRandom random = new SplittableRandom(11);
        long watchMinutesSum = 0;
        long showIdSum = 0;
        long timeSum = 0;
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(file, ROW_GROUP_BYTES)) {
            for (int i = 0; i < ROWS; i++) {
                int user = random.nextInt(1_000_000);
                int show = random.nextInt(20_000);
                String assetType = ASSET_TYPES[random.nextInt(ASSET_TYPES.length)];
                int episode = random.nextInt();
                int day = 1 + random.nextInt(30);
                int minute = random.nextInt(1440);
                int watchMinutes = random.nextInt(181);
                writer.write(
                        user,
                        i,
                        show,
                        assetType,
                        episode,
                        PlaybackParquetWriter.dayNumber(day),
                        PlaybackParquetWriter.timeOfDay(minute),
                        watchMinutes);
                watchMinutesSum += watchMinutes;
                showIdSum += show;
                timeSum += day * 1440L + minute;
            }
        }
        long fileBytes = Files.size(file);
        assertTrue(
                fileBytes > HEAP_BYTES,
                "the file has " + fileBytes + " bytes, which must be more than the child heap");
        List<String> jvmOptions = List.of("-Xmx" + (HEAP_BYTES >> 20) + "m", "-XX:+UseSerialGC");

        ForkedJvm.Result streamed =
                ForkedJvm.run(dir, jvmOptions, ForkedReadMain.class, "stream", file.toString());
        ForkedJvm.Result collected =
                ForkedJvm.run(dir, jvmOptions, ForkedReadMain.class, "collect", file.toString());

        assertEquals(0, streamed.exitCode(), streamed.describe());
        assertEquals(String.valueOf(ROWS), streamed.value("events"), streamed.describe());
        assertEquals(String.valueOf(ROWS), streamed.value("rowsRead"), streamed.describe());
        assertEquals(
                String.valueOf(watchMinutesSum),
                streamed.value("watchMinutes"),
                streamed.describe());
        assertEquals(String.valueOf(showIdSum), streamed.value("showIds"), streamed.describe());
        assertEquals(String.valueOf(timeSum), streamed.value("times"), streamed.describe());
        assertEquals(0, collected.exitCode(), collected.describe());
        assertEquals("Java heap space", collected.value("outOfMemory"), collected.describe());
    }
}
