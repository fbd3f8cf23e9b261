package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReadersTest {

    private static Path playbackFile(Path dir) throws IOException {
        EventLog.Builder builder = EventLog.builder("test", true);
        for (int i = 0; i < 200; i++) {
            builder.add(1 + i % 7, i, 10 + i % 5, "VOD", 1, 1440 + i, 1, i, 20);
        }
        Path file = dir.resolve("playback.parquet");
        PlaybackParquetWriter.write(builder.build(), file);
        return file;
    }

    @Test
    void read_truncatedParquetNamesFile(@TempDir Path dir) throws IOException {
        Path file = playbackFile(dir);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("half.parquet");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        DataFormatException error =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        truncated,
                                        Format.PLAYBACK_PARQUET,
                                        ReadOptions.defaults()));
        assertEquals(DataProblem.UNREADABLE_FILE, error.problem());
        assertEquals("half.parquet", error.file());
        assertTrue(
                error.getMessage().startsWith("half.parquet: cannot be read as PLAYBACK_PARQUET"),
                error.getMessage());
    }

    @Test
    void read_textRenamedToParquetIsUnreadable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.parquet");
        Files.writeString(file, "user_id,item_id,timestamp\n1,2,3\n");
        DataFormatException error =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));
        assertEquals(DataProblem.UNREADABLE_FILE, error.problem());
        assertTrue(error.getMessage().contains("notes.parquet"), error.getMessage());
    }

    @Test
    void read_corruptGzipNamesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            StringBuilder text = new StringBuilder("user_id,item_id,timestamp\n");
            for (int i = 0; i < 5000; i++) {
                text.append(i % 10).append(',').append(i % 97).append(',').append(i).append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        DataFormatException error =
                assertThrows(
                        DataFormatException.class,
                        () -> LogReaders.read(file, Format.DELIMITED, ReadOptions.defaults()));
        assertEquals(DataProblem.UNREADABLE_FILE, error.problem());
        assertEquals("log.csv.gz", error.file());
    }

    @Test
    void read_headerOnlyFileHasNoEvents(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "user_id,item_id,timestamp\n");
        DataFormatException error =
                assertThrows(
                        DataFormatException.class,
                        () -> LogReaders.read(file, Format.DELIMITED, ReadOptions.defaults()));
        assertEquals(DataProblem.NO_EVENTS, error.problem());
        assertEquals(
                "empty.csv: the file has no events (0 rows read, 0 skipped). Check that the export"
                        + " is complete and that the file is the intended one.",
                error.getMessage());
    }

    @Test
    void read_missingFileStaysIoException(@TempDir Path dir) {
        assertThrows(
                java.nio.file.NoSuchFileException.class,
                () ->
                        LogReaders.read(
                                dir.resolve("absent.csv"),
                                Format.DELIMITED,
                                ReadOptions.defaults()));
    }
}
