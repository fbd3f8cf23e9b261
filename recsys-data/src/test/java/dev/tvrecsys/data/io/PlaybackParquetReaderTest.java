package dev.tvrecsys.data.io;

import static dev.tvrecsys.data.io.ParquetTestFiles.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybackParquetReaderTest {

    @TempDir Path dir;

    @Test
    void read_dayNumbers() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("playback.parquet"),
                        List.of(
                                row(7, 70, 101, "CHANNEL", 5, "1", "00:00", 30),
                                row(7, 71, 102, "vod", 6, "2", "19:05", 44),
                                row(8, 80, 103, "RECORDING", 0, "30", "23:59", 0)));

        ReadResult result = PlaybackParquetReader.read(file);
        EventLog log = result.log();

        assertEquals(3, log.size());
        assertTrue(log.hasClockTime());
        assertEquals(7, log.userId(1));
        assertEquals(71, log.sessionId(1));
        assertEquals(102, log.showId(1));
        assertEquals("VOD", log.assetType(1));
        assertEquals(6, log.episodeId(1));
        assertEquals(2, log.day(1));
        assertEquals(19 * 60 + 5, log.minuteOfDay(1));
        assertEquals(2 * 1440 + 1145, log.time(1));
        assertEquals(44, log.watchMinutes(1));
        assertEquals(1440, log.time(0));
        assertEquals(30 * 1440 + 1439, log.time(2));
        assertEquals(3, result.report().rowsRead());
        assertEquals(3, result.report().rowsKept());
        assertEquals(0, result.report().skippedTotal());
    }

    @Test
    void read_isoDatesAsEpochDays() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("dates.parquet"),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "2024-03-01", "07:30", 20),
                                row(1, 1, 11, "VOD", 0, "1970-01-02", "00:01", 20)));

        EventLog log = PlaybackParquetReader.read(file).log();

        // 2024-01-01 is epoch day 19723; March 1 is 31 + 29 days later.
        assertEquals(19783, log.day(0));
        assertEquals(19783L * 1440 + 450, log.time(0));
        assertEquals(1, log.day(1));
        assertEquals(1441, log.time(1));
    }

    @Test
    void read_otherAssetTypeJoinsVocabulary() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("lookback.parquet"),
                        List.of(
                                row(1, 1, 10, "CHANNEL", 0, "1", "20:00", 20),
                                row(1, 1, 11, "Lookback", 0, "1", "20:20", 15)));

        EventLog log = PlaybackParquetReader.read(file).log();

        assertEquals("LOOKBACK", log.assetType(1));
        assertEquals(List.of("CHANNEL", "LOOKBACK"), log.assetTypeNames());
    }

    @Test
    void read_ignoresExtraColumns() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback")
                        .fields()
                        .requiredString("channel_name")
                        .requiredInt("user_id")
                        .requiredInt("playback_session_id")
                        .requiredInt("show_id")
                        .requiredString("asset_type")
                        .requiredInt("episode_id")
                        .requiredString("day")
                        .requiredString("time")
                        .requiredInt("watch_minutes")
                        .endRecord();
        Path file =
                ParquetTestFiles.write(
                        dir.resolve("extra.parquet"),
                        schema,
                        List.<Object[]>of(
                                new Object[] {"BBC", 4, 5, 6, "VOD", 7, "3", "01:02", 8}));

        EventLog log = PlaybackParquetReader.read(file).log();

        assertEquals(4, log.userId(0));
        assertEquals(5, log.sessionId(0));
        assertEquals(6, log.showId(0));
        assertEquals(7, log.episodeId(0));
        assertEquals(8, log.watchMinutes(0));
        assertEquals(3 * 1440 + 62, log.time(0));
    }

    @Test
    void read_truncatedFileIsUnreadable() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("whole.parquet"),
                        List.<Object[]>of(row(1, 1, 10, "VOD", 0, "1", "08:00", 30)));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("half.parquet"), Arrays.copyOf(bytes, 100));

        DataFormatException e =
                assertThrows(
                        DataFormatException.class, () -> PlaybackParquetReader.read(truncated));

        assertEquals(DataProblem.UNREADABLE_FILE, e.problem());
        assertEquals("half.parquet", e.file());
        assertTrue(
                e.getMessage().startsWith("half.parquet: cannot be read as PLAYBACK_PARQUET ("),
                e.getMessage());
        assertTrue(e.getCause() != null, "the parser's exception is kept as the cause");
    }

    @Test
    void read_missingFileIsIoException() {
        Path absent = dir.resolve("absent.parquet");

        assertThrows(IOException.class, () -> PlaybackParquetReader.read(absent));
        assertThrows(
                IOException.class,
                () -> LogReaders.read(absent, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));
    }

    @Test
    void read_missingColumnListsColumnsFound() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback")
                        .fields()
                        .requiredInt("user_id")
                        .requiredInt("show_id")
                        .endRecord();
        Path file =
                ParquetTestFiles.write(
                        dir.resolve("narrow.parquet"),
                        schema,
                        List.<Object[]>of(new Object[] {1, 2}));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.MISSING_COLUMN, e.problem());
        assertTrue(e.getMessage().startsWith("narrow.parquet"), e.getMessage());
        assertTrue(e.getMessage().contains("playback_session_id"), e.getMessage());
        assertTrue(e.getMessage().contains("watch_minutes"), e.getMessage());
        assertTrue(e.getMessage().contains("the file has [user_id, show_id]"), e.getMessage());
    }

    @Test
    void read_int64UserIdIsWrongType() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback")
                        .fields()
                        .requiredLong("user_id")
                        .requiredInt("playback_session_id")
                        .requiredInt("show_id")
                        .requiredString("asset_type")
                        .requiredInt("episode_id")
                        .requiredString("day")
                        .requiredString("time")
                        .requiredInt("watch_minutes")
                        .endRecord();
        Path file =
                ParquetTestFiles.write(
                        dir.resolve("wide.parquet"),
                        schema,
                        List.<Object[]>of(new Object[] {1L, 1, 1, "VOD", 1, "1", "10:00", 5}));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.WRONG_TYPE, e.problem());
        assertEquals("user_id", e.column());
        assertTrue(e.getMessage().startsWith("wide.parquet"), e.getMessage());
        assertTrue(
                e.getMessage().contains("column user_id: expected type int32, found int64"),
                e.getMessage());
    }

    @Test
    void read_stringWatchMinutesIsWrongType() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback")
                        .fields()
                        .requiredInt("user_id")
                        .requiredInt("playback_session_id")
                        .requiredInt("show_id")
                        .requiredString("asset_type")
                        .requiredInt("episode_id")
                        .requiredString("day")
                        .requiredString("time")
                        .requiredString("watch_minutes")
                        .endRecord();
        Path file =
                ParquetTestFiles.write(
                        dir.resolve("text.parquet"),
                        schema,
                        List.<Object[]>of(new Object[] {1, 1, 1, "VOD", 1, "1", "10:00", "5"}));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals("watch_minutes", e.column());
        assertTrue(e.getMessage().contains("expected type int32, found binary"), e.getMessage());
    }

    @Test
    void read_nullInRequiredField() throws IOException {
        Path file =
                ParquetTestFiles.write(
                        dir.resolve("nulls.parquet"),
                        ParquetTestFiles.optionalPlaybackSchema(),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "1", "10:00", 5),
                                new Object[] {1, 1, null, "VOD", 0, "1", "10:05", 5}));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.MISSING_VALUE, e.problem());
        assertEquals(2, e.row());
        assertEquals(
                "nulls.parquet row 2 (row group 1), column show_id: value is null. Fix the export,"
                    + " or drop such rows with --skip-bad-rows (ReadOptions.skipBadRows in Java).",
                e.getMessage());
    }

    @Test
    void read_unparsableDay() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("days.parquet"),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "1", "10:00", 5),
                                row(1, 1, 10, "VOD", 0, "2", "10:00", 5),
                                row(1, 1, 10, "VOD", 0, "day7", "10:00", 5)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.INVALID_DAY, e.problem());
        assertEquals("day7", e.value());
        assertTrue(e.getMessage().startsWith("days.parquet row 3"), e.getMessage());
        assertTrue(e.getMessage().contains("column day: value 'day7'"), e.getMessage());
    }

    @Test
    void read_dayZeroIsInvalid() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("zero.parquet"),
                        List.<Object[]>of(row(1, 1, 10, "VOD", 0, "0", "10:00", 5)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.INVALID_DAY, e.problem());
    }

    @Test
    void read_invalidCalendarDate() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("feb30.parquet"),
                        List.<Object[]>of(row(1, 1, 10, "VOD", 0, "2024-02-30", "10:00", 5)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.INVALID_DAY, e.problem());
        assertEquals("2024-02-30", e.value());
    }

    @Test
    void read_mixedDayKindsNamesBothRows() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("mixed.parquet"),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "3", "10:00", 5),
                                row(1, 1, 10, "VOD", 0, "2024-01-05", "10:00", 5)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.MIXED_DAY_KINDS, e.problem());
        assertEquals(2, e.row());
        assertTrue(e.getMessage().contains("but row 1 has a day number"), e.getMessage());
    }

    @Test
    void read_unparsableTime() throws IOException {
        for (String time : List.of("24:00", "10:60", "1000", "ab:cd", "")) {
            Path file =
                    ParquetTestFiles.writePlayback(
                            dir.resolve("time" + time.replace(':', '_') + ".parquet"),
                            List.<Object[]>of(row(1, 1, 10, "VOD", 0, "1", time, 5)));

            DataFormatException e =
                    assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

            assertEquals(DataProblem.INVALID_TIME, e.problem(), time);
            assertEquals("time", e.column(), time);
            assertEquals(time, e.value());
            assertTrue(e.getMessage().contains("row 1 (row group 1)"), e.getMessage());
        }
    }

    @Test
    void read_negativeWatchMinutes() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("playback.parquet"),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "1", "10:00", 5),
                                row(1, 1, 10, "VOD", 0, "1", "10:05", -3)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(
                "playback.parquet row 2 (row group 1), column watch_minutes: value -3 is negative,"
                        + " but watch minutes must be >= 0. Fix the export, or drop such rows with"
                        + " --skip-bad-rows (ReadOptions.skipBadRows in Java).",
                e.getMessage());
        assertEquals("-3", e.value());
    }

    @Test
    void read_blankAssetType() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("blank.parquet"),
                        List.<Object[]>of(row(1, 1, 10, " ", 0, "1", "10:00", 5)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.MISSING_VALUE, e.problem());
        assertEquals("asset_type", e.column());
    }

    @Test
    void read_controlCharacterAssetTypeIsBlank() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("newline.parquet"),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "1", "10:00", 5),
                                row(1, 1, 10, "\n", 0, "1", "10:05", 5)));

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.MISSING_VALUE, e.problem());
        assertEquals(2, e.row());
        assertEquals("asset_type", e.column());
        assertEquals("\n", e.value());
    }

    @Test
    void read_over127AssetTypesIsUnreadable() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            rows.add(row(1, 1, 10, "type" + i, 0, "1", "10:00", 5));
        }
        Path file = ParquetTestFiles.writePlayback(dir.resolve("types.parquet"), rows);

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> PlaybackParquetReader.read(file));

        assertEquals(DataProblem.UNREADABLE_FILE, e.problem());
        assertTrue(
                e.getMessage().contains("too many distinct asset types (max 127)"), e.getMessage());
    }

    @Test
    void read_skipBadRowsCountsPerProblem() throws IOException {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("mixed-quality.parquet"),
                        List.of(
                                row(1, 1, 10, "VOD", 0, "1", "10:00", 5),
                                row(1, 1, 11, "VOD", 0, "1", "10:05", -3),
                                row(1, 1, 12, "VOD", 0, "1", "99:99", 5),
                                row(1, 1, 13, "VOD", 0, "1", "10:10", -1),
                                row(2, 2, 14, "VOD", 0, "2", "11:00", 7)));

        ReadResult result =
                PlaybackParquetReader.read(file, ReadOptions.defaults().withSkipBadRows(true));

        assertEquals(2, result.log().size());
        assertEquals(10, result.log().showId(0));
        assertEquals(14, result.log().showId(1));
        ReadReport report = result.report();
        assertEquals(5, report.rowsRead());
        assertEquals(2, report.rowsKept());
        assertEquals(2, report.skipped(DataProblem.NEGATIVE_VALUE));
        assertEquals(1, report.skipped(DataProblem.INVALID_TIME));
        assertEquals(3, report.skippedTotal());
        assertEquals(2, report.firstExamples().get(DataProblem.NEGATIVE_VALUE).row());
        assertEquals("-3", report.firstExamples().get(DataProblem.NEGATIVE_VALUE).value());
        assertEquals(3, report.firstExamples().get(DataProblem.INVALID_TIME).row());
    }

    @Test
    void read_skipBadRowsStillRejectsMissingColumn() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback").fields().requiredInt("user_id").endRecord();
        Path file =
                ParquetTestFiles.write(
                        dir.resolve("one.parquet"), schema, List.<Object[]>of(new Object[] {1}));

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                PlaybackParquetReader.read(
                                        file, ReadOptions.defaults().withSkipBadRows(true)));

        assertEquals(DataProblem.MISSING_COLUMN, e.problem());
    }
}
