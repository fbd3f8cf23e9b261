package dev.tvrecsys.data.io;

import static dev.tvrecsys.data.io.ParquetTestFiles.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams Parquet playback files through {@link PlaybackParquetReader#forEach}. */
class PlaybackParquetStreamTest {

    @TempDir Path dir;

    /** One delivered event, with the parameters of {@link EventConsumer#accept}. */
    private record Event(
            int userId,
            int sessionId,
            int showId,
            String assetType,
            int episodeId,
            long time,
            int day,
            int minuteOfDay,
            int watchMinutes) {}

    private static EventConsumer collectInto(List<Event> events) {
        return (user, session, show, asset, episode, time, day, minute, minutes) ->
                events.add(
                        new Event(user, session, show, asset, episode, time, day, minute, minutes));
    }

    /**
     * Returns {@code count} valid rows. Row {@code i}, counted from 0, has show {@code 1000 + i}.
     */
    private static List<Object[]> generatedRows(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(
                    row(
                            1 + i % 13,
                            i / 4,
                            1000 + i,
                            i % 3 == 0 ? "CHANNEL" : "VOD",
                            i % 17,
                            String.valueOf(1 + i / 100),
                            PlaybackParquetWriter.timeOfDay((i * 7) % 1440),
                            i % 90));
        }
        return rows;
    }

    /** Returns the event that {@link #generatedRows} row {@code i} must become. */
    private static Event expectedEvent(int i) {
        int day = 1 + i / 100;
        int minute = (i * 7) % 1440;
        return new Event(
                1 + i % 13,
                i / 4,
                1000 + i,
                i % 3 == 0 ? "CHANNEL" : "VOD",
                i % 17,
                day * 1440L + minute,
                day,
                minute,
                i % 90);
    }

    @Test
    void forEach_deliversEventsInFileOrder() throws IOException {
        Path file = dir.resolve("playback.parquet");
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(file)) {
            writer.write(7, 70, 101, "CHANNEL", 5, "1", "00:00", 30);
            writer.write(7, 71, 102, " vod ", 6, "2", "19:05", 44);
            writer.write(8, 80, 103, "Lookback", 0, "30", "23:59", 0);
        }
        List<Event> events = new ArrayList<>();

        ReadReport report =
                PlaybackParquetReader.forEach(file, ReadOptions.defaults(), collectInto(events));

        assertEquals(
                List.of(
                        new Event(7, 70, 101, "CHANNEL", 5, 1440, 1, 0, 30),
                        new Event(7, 71, 102, "VOD", 6, 2 * 1440 + 1145, 2, 1145, 44),
                        new Event(8, 80, 103, "LOOKBACK", 0, 30 * 1440 + 1439, 30, 1439, 0)),
                events);
        assertEquals("playback.parquet", report.file());
        assertEquals(3, report.rowsRead());
        assertEquals(3, report.rowsKept());
        assertEquals(0, report.skippedTotal());
    }

    @Test
    void forEach_crossesRowGroupsLikeRead() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("groups.parquet"), generatedRows(1000), 300);
        assertEquals(List.of(300L, 300L, 300L, 100L), ParquetTestFiles.rowGroupSizes(file));
        List<Event> events = new ArrayList<>();

        ReadReport report =
                PlaybackParquetReader.forEach(file, ReadOptions.defaults(), collectInto(events));
        EventLog log = PlaybackParquetReader.read(file).log();

        assertEquals(1000, report.rowsKept());
        assertEquals(1000, events.size());
        assertEquals(1000, log.size());
        for (int i = 0; i < 1000; i++) {
            Event expected = expectedEvent(i);
            assertEquals(expected, events.get(i), "streamed event " + i);
            Event collected =
                    new Event(
                            log.userId(i),
                            log.sessionId(i),
                            log.showId(i),
                            log.assetType(i),
                            log.episodeId(i),
                            log.time(i),
                            log.day(i),
                            log.minuteOfDay(i),
                            log.watchMinutes(i));
            assertEquals(expected, collected, "collected event " + i);
        }
    }

    @Test
    void forEach_badRowRaisesReadMessage() throws IOException {
        List<Object[]> rows = generatedRows(1000);
        rows.set(700, row(1, 1, 1, "VOD", 0, "1", "10:00", -4));
        Path file = ParquetTestFiles.writePlayback(dir.resolve("groups.parquet"), rows, 300);
        List<Event> events = new ArrayList<>();
        String expected =
                "groups.parquet row 701 (row group 3), column watch_minutes: value -4 is negative,"
                        + " but watch minutes must be >= 0. Fix the export, or drop such rows with"
                        + " --skip-bad-rows (ReadOptions.skipBadRows in Java).";

        DataFormatException streamed =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                PlaybackParquetReader.forEach(
                                        file, ReadOptions.defaults(), collectInto(events)));
        DataFormatException collected =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(expected, streamed.getMessage());
        assertEquals(expected, collected.getMessage());
        assertEquals(DataProblem.NEGATIVE_VALUE, streamed.problem());
        assertEquals(3, streamed.rowGroup());
        assertEquals("-4", streamed.value());
        assertEquals(700, events.size(), "events before the bad row are delivered");
        assertEquals(expectedEvent(699), events.get(699));
    }

    @Test
    void forEach_skipBadRowsDeliversValidRows() throws IOException {
        List<Object[]> rows = generatedRows(10);
        rows.set(2, row(1, 1, 1, "VOD", 0, "1", "99:99", 5));
        rows.set(5, row(1, 1, 1, "VOD", 0, "0", "10:00", 5));
        rows.set(9, row(1, 1, 1, "VOD", 0, "1", "10:00", -1));
        Path file = ParquetTestFiles.writePlayback(dir.resolve("mixed.parquet"), rows, 4);
        List<Event> events = new ArrayList<>();

        ReadReport report =
                PlaybackParquetReader.forEach(
                        file, ReadOptions.defaults().withSkipBadRows(true), collectInto(events));

        assertEquals(
                List.of(
                        expectedEvent(0),
                        expectedEvent(1),
                        expectedEvent(3),
                        expectedEvent(4),
                        expectedEvent(6),
                        expectedEvent(7),
                        expectedEvent(8)),
                events);
        assertEquals(10, report.rowsRead());
        assertEquals(7, report.rowsKept());
        assertEquals(1, report.skipped(DataProblem.INVALID_TIME));
        assertEquals(1, report.skipped(DataProblem.INVALID_DAY));
        assertEquals(1, report.skipped(DataProblem.NEGATIVE_VALUE));
        assertEquals(3, report.firstExamples().get(DataProblem.INVALID_TIME).row());
        assertEquals(2, report.firstExamples().get(DataProblem.INVALID_DAY).rowGroup());
        assertEquals(3, report.firstExamples().get(DataProblem.NEGATIVE_VALUE).rowGroup());
    }

    @Test
    void forEach_consumerIoExceptionPropagates() throws IOException {
        Path file = ParquetTestFiles.writePlayback(dir.resolve("five.parquet"), generatedRows(5));
        IOException diskFull = new IOException("disk full");
        int[] calls = {0};

        IOException thrown =
                assertThrows(
                        IOException.class,
                        () ->
                                PlaybackParquetReader.forEach(
                                        file,
                                        ReadOptions.defaults(),
                                        (user,
                                                session,
                                                show,
                                                asset,
                                                episode,
                                                time,
                                                day,
                                                minute,
                                                minutes) -> {
                                            calls[0]++;
                                            if (calls[0] == 2) {
                                                throw diskFull;
                                            }
                                        }));

        assertSame(diskFull, thrown);
        assertEquals(2, calls[0], "the read stops at the failing call");
    }

    @Test
    void forEach_consumerRuntimeExceptionIsNotWrapped() throws IOException {
        Path file = ParquetTestFiles.writePlayback(dir.resolve("five.parquet"), generatedRows(5));
        IllegalStateException stop = new IllegalStateException("stop");

        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                PlaybackParquetReader.forEach(
                                        file,
                                        ReadOptions.defaults(),
                                        (user,
                                                session,
                                                show,
                                                asset,
                                                episode,
                                                time,
                                                day,
                                                minute,
                                                minutes) -> {
                                            throw stop;
                                        }));

        assertSame(stop, thrown);
    }

    @Test
    void forEach_assetTypesBeyondCache() throws IOException {
        int types = PlaybackParquetReader.ASSET_TYPE_CACHE_SIZE + 76;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < types; i++) {
            rows.add(row(1, 1, 10, "type" + i, 0, "1", "10:00", 5));
        }
        Path file = ParquetTestFiles.writePlayback(dir.resolve("types.parquet"), rows);
        List<Event> events = new ArrayList<>();

        PlaybackParquetReader.forEach(file, ReadOptions.defaults(), collectInto(events));

        assertEquals(types, events.size());
        for (int i = 0; i < types; i++) {
            assertEquals("TYPE" + i, events.get(i).assetType(), "asset type of row " + (i + 1));
        }
    }

    @Test
    void forEach_missingFileIsIoException() {
        Path absent = dir.resolve("absent.parquet");

        assertThrows(
                IOException.class,
                () ->
                        PlaybackParquetReader.forEach(
                                absent, ReadOptions.defaults(), collectInto(new ArrayList<>())));
    }
}
