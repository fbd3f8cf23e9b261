package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybackParquetWriterTest {

    @TempDir Path dir;

    private static EventLog sampleLog() {
        return EventLog.builder("sample", true)
                .add(7, 70, 101, "CHANNEL", 5, 1 * 1440 + 1140, 1, 1140, 30)
                .add(7, 70, 102, "CHANNEL", 6, 1 * 1440 + 1170, 1, 1170, 3)
                .add(9, 90, 103, "RECORDING", 7, 12 * 1440, 12, 0, 42)
                .add(9, 91, 104, "LOOKBACK", 8, 30 * 1440 + 1439, 30, 1439, 0)
                .build();
    }

    @Test
    void write_roundTripsEveryField() throws IOException {
        EventLog written = sampleLog();
        Path file = dir.resolve("playback.parquet");

        assertEquals(4, PlaybackParquetWriter.write(written, file));
        EventLog read = PlaybackParquetReader.read(file).log();

        assertEquals(written.size(), read.size());
        for (int row = 0; row < written.size(); row++) {
            assertEquals(written.userId(row), read.userId(row), "user, row " + row);
            assertEquals(written.sessionId(row), read.sessionId(row), "session, row " + row);
            assertEquals(written.showId(row), read.showId(row), "show, row " + row);
            assertEquals(written.assetType(row), read.assetType(row), "asset, row " + row);
            assertEquals(written.episodeId(row), read.episodeId(row), "episode, row " + row);
            assertEquals(written.time(row), read.time(row), "time, row " + row);
            assertEquals(written.day(row), read.day(row), "day, row " + row);
            assertEquals(written.minuteOfDay(row), read.minuteOfDay(row), "minute, row " + row);
            assertEquals(written.watchMinutes(row), read.watchMinutes(row), "minutes, row " + row);
        }
    }

    @Test
    void write_isoDatesRoundTrip() throws IOException {
        int epochDay = 19783; // 2024-03-01
        EventLog written =
                EventLog.builder("dates", true)
                        .add(1, 1, 1, "VOD", 1, epochDay * 1440L + 61, epochDay, 61, 20)
                        .build();
        Path file = dir.resolve("dates.parquet");

        PlaybackParquetWriter.write(written, file, true);
        EventLog read = PlaybackParquetReader.read(file).log();

        assertEquals(epochDay, read.day(0));
        assertEquals(epochDay * 1440L + 61, read.time(0));
    }

    @Test
    void write_usesSnappyCodec() throws IOException {
        Path file = dir.resolve("playback.parquet");
        PlaybackParquetWriter.write(sampleLog(), file);

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            CompressionCodecName codec =
                    reader.getRowGroups().get(0).getColumns().get(0).getCodec();
            assertEquals(CompressionCodecName.SNAPPY, codec);
        }
    }

    @Test
    void write_leavesOnlyTarget() throws IOException {
        Path file = dir.resolve("playback.parquet");
        Files.writeString(file, "old content");

        PlaybackParquetWriter.write(sampleLog(), file);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(4, PlaybackParquetReader.read(file).log().size());
    }

    @Test
    void close_afterRejectedRowKeepsWrittenRows() throws IOException {
        Path file = dir.resolve("playback.parquet");
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(file)) {
            writer.write(1, 1, 1, "VOD", 1, "1", "10:00", 5);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.write(1, 1, 1, "VOD", 1, "1", "10:00", -5));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.write(1, 1, 1, "VOD", 1, "x", "10:00", 5));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.write(1, 1, 1, "VOD", 1, "1", "24:00", 5));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.write(1, 1, 1, " ", 1, "1", "10:00", 5));
        }

        assertEquals(1, PlaybackParquetReader.read(file).log().size());
    }

    @Test
    void open_targetAbsentUntilClose() throws IOException {
        Path file = dir.resolve("playback.parquet");
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(file)) {
            writer.write(1, 1, 1, "VOD", 1, "1", "10:00", 5);
            assertFalse(Files.exists(file));
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void open_smallRowGroupsSplitFile() throws IOException {
        Path file = dir.resolve("groups.parquet");
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(file, 64 * 1024)) {
            for (int i = 0; i < 50_000; i++) {
                writer.write(i, i, i, "VOD", i, "1", "10:00", i % 100);
            }
        }

        List<Long> rowGroups = ParquetTestFiles.rowGroupSizes(file);
        EventLog read = PlaybackParquetReader.read(file).log();

        assertTrue(rowGroups.size() > 1, "row groups: " + rowGroups);
        assertEquals(50_000L, rowGroups.stream().mapToLong(Long::longValue).sum());
        assertEquals(50_000, read.size());
        assertEquals(49_999, read.showId(49_999));
    }

    @Test
    void open_nonPositiveRowGroupBytesRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PlaybackParquetWriter.open(dir.resolve("x.parquet"), 0));

        assertEquals("rowGroupBytes must be positive, found 0", e.getMessage());
    }

    @Test
    void write_logWithoutClockTimeIsRejected() {
        EventLog log =
                EventLog.builder("positions", false).add(1, 0, 1, "VOD", 0, 3, 0, 0, 0).build();

        assertThrows(
                IllegalArgumentException.class,
                () -> PlaybackParquetWriter.write(log, dir.resolve("x.parquet")));
    }

    @Test
    void timeOfDay_formatsHoursAndMinutes() {
        assertEquals("00:00", PlaybackParquetWriter.timeOfDay(0));
        assertEquals("07:05", PlaybackParquetWriter.timeOfDay(425));
        assertEquals("23:59", PlaybackParquetWriter.timeOfDay(1439));
    }
}
