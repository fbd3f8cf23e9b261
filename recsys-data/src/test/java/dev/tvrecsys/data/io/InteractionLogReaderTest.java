package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionLogReaderTest {

    private static final String U_DATA = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n";

    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static ReadResult read(Path file, Format format) throws IOException {
        return InteractionLogReader.read(file, format, ReadOptions.defaults());
    }

    @Test
    void read_movieLens100k() throws IOException {
        Path file = write("u.data", U_DATA);

        EventLog log = read(file, Format.MOVIELENS_100K).log();

        assertEquals(2, log.size());
        assertTrue(log.hasClockTime());
        assertEquals(196, log.userId(0));
        assertEquals(242, log.showId(0));
        assertEquals(881250949L, log.time(0));
        assertEquals(10199, log.day(0));
        assertEquals(955, log.minuteOfDay(0));
        assertEquals("VOD", log.assetType(0));
        assertEquals(0, log.sessionId(0));
        assertEquals(0, log.episodeId(0));
        assertEquals(0, log.watchMinutes(0));
        assertEquals(186, log.userId(1));
        assertEquals(302, log.showId(1));
        assertEquals(10320, log.day(1));
        assertEquals(1162, log.minuteOfDay(1));
    }

    @Test
    void read_ratingsDatWithCrlf() throws IOException {
        Path file = write("ratings.dat", "1::1193::5::978300760\r\n1::661::3::978302109\r\n");

        EventLog log = read(file, Format.MOVIELENS_RATINGS).log();

        assertEquals(2, log.size());
        assertEquals(1, log.userId(0));
        assertEquals(1193, log.showId(0));
        assertEquals(978300760L, log.time(0));
        assertEquals(11322, log.day(0));
        assertEquals(1332, log.minuteOfDay(0));
        assertEquals(661, log.showId(1));
        assertEquals(1355, log.minuteOfDay(1));
    }

    @Test
    void read_sequencePositions() throws IOException {
        Path file = write("sequences.tsv", "user_id\tmovie_id\tseq_pos\n1\t3186\t0\n1\t1721\t1\n");

        EventLog log = read(file, Format.DELIMITED).log();

        assertFalse(log.hasClockTime());
        assertEquals(2, log.size());
        assertEquals(3186, log.showId(0));
        assertEquals(0, log.time(0));
        assertEquals(1721, log.showId(1));
        assertEquals(1, log.time(1));
        assertEquals(0, log.day(1));
        assertEquals(0, log.minuteOfDay(1));
    }

    @Test
    void read_commaHeaderWithBomAndBlankLines() throws IOException {
        Path file =
                write(
                        "ratings.csv",
                        "\uFEFFUserId,MovieId,Rating,Timestamp\r\n\r\n5,50,4.5,86460\r\n  \r\n"
                                + "6,60,1.0,0\r\n");

        ReadResult result = read(file, Format.DELIMITED);
        EventLog log = result.log();

        assertEquals(2, log.size());
        assertEquals(5, log.userId(0));
        assertEquals(50, log.showId(0));
        assertEquals(86460L, log.time(0));
        assertEquals(1, log.day(0));
        assertEquals(1, log.minuteOfDay(0));
        assertEquals(6, log.userId(1));
        assertEquals(2, result.report().rowsRead());
    }

    @Test
    void read_timePreferredOverPosition() throws IOException {
        Path file = write("both.txt", "pos|ts|item|viewer_id\n7|120|3|9\n");

        EventLog log = read(file, Format.DELIMITED).log();

        assertTrue(log.hasClockTime());
        assertEquals(120L, log.time(0));
        assertEquals(2, log.minuteOfDay(0));
        assertEquals(9, log.userId(0));
        assertEquals(3, log.showId(0));
    }

    @Test
    void read_givenDelimiterAndAssetType() throws IOException {
        Path file = write("plays.txt", "user;show_id;position\n1;2;3\n");

        EventLog log =
                InteractionLogReader.read(
                                file,
                                Format.DELIMITED,
                                ReadOptions.defaults().withDelimiter(';').withAssetType("channel"))
                        .log();

        assertEquals(2, log.showId(0));
        assertEquals(3L, log.time(0));
        assertEquals("CHANNEL", log.assetType(0));
    }

    @Test
    void read_gzipInput() throws IOException {
        Path file = dir.resolve("u.data.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(U_DATA.getBytes(StandardCharsets.UTF_8));
        }

        EventLog log = read(file, Format.detect(file)).log();

        assertEquals(2, log.size());
        assertEquals(302, log.showId(1));
    }

    @Test
    void read_longLinesCrossBufferBoundaries() throws IOException {
        StringBuilder content = new StringBuilder("user_id,item_id,seq_pos\n");
        int rows = 20_000;
        for (int i = 0; i < rows; i++) {
            content.append(i % 7)
                    .append(',')
                    .append(1_000_000 + i)
                    .append(',')
                    .append(i)
                    .append('\n');
        }
        Path file = write("big.csv", content.toString());

        EventLog log = read(file, Format.DELIMITED).log();

        assertEquals(rows, log.size());
        for (int i = 0; i < rows; i++) {
            assertEquals(1_000_000 + i, log.showId(i), "row " + i);
        }
    }

    @Test
    void read_nonNumericIdNamesLineAndRow() throws IOException {
        Path file = write("u.data", "\n1\t2\t3\t4\n1\tabc\t3\t4\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.MOVIELENS_100K));

        assertEquals(DataProblem.NOT_A_NUMBER, e.problem());
        assertEquals(3, e.line());
        assertEquals(2, e.row());
        assertEquals("item_id", e.column());
        assertEquals("abc", e.value());
        assertEquals(
                "u.data line 3 (data row 2), column item_id: value 'abc' is not an integer id in"
                        + " int range. Fix the export, or drop such rows with --skip-bad-rows"
                        + " (ReadOptions.skipBadRows in Java).",
                e.getMessage());
    }

    @Test
    void read_idOutOfIntRange() throws IOException {
        Path file = write("u.data", "1\t4294967296\t3\t4\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.MOVIELENS_100K));

        assertEquals(DataProblem.NOT_A_NUMBER, e.problem());
        assertEquals("4294967296", e.value());
    }

    @Test
    void read_wrongFieldCount() throws IOException {
        Path file = write("ratings.dat", "1::2::3::4\n1::2::3\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.MOVIELENS_RATINGS));

        assertEquals(DataProblem.WRONG_FIELD_COUNT, e.problem());
        assertEquals(2, e.line());
        assertEquals("1::2::3", e.value());
        assertTrue(e.getMessage().contains("the line has 3 fields, but 4 are required"));
    }

    @Test
    void read_tooManyFields() throws IOException {
        Path file = write("u.data", "1\t2\t3\t4\t5\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.MOVIELENS_100K));

        assertTrue(e.getMessage().contains("more than 4 fields"), e.getMessage());
    }

    @Test
    void read_negativePosition() throws IOException {
        Path file = write("seq.tsv", "user_id\tmovie_id\tseq_pos\n1\t2\t-1\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.DELIMITED));

        assertEquals(DataProblem.NEGATIVE_VALUE, e.problem());
        assertEquals("seq_pos", e.column());
        assertEquals("-1", e.value());
        assertEquals(2, e.line());
        assertEquals(1, e.row());
    }

    @Test
    void read_missingItemColumnListsHeader() throws IOException {
        Path file = write("seq.tsv", "user_id\tproduct\tseq_pos\n1\t2\t3\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.DELIMITED));

        assertEquals(DataProblem.MISSING_COLUMN, e.problem());
        assertTrue(e.getMessage().contains("no item column"), e.getMessage());
        assertTrue(e.getMessage().contains("[user_id, product, seq_pos]"), e.getMessage());
    }

    @Test
    void read_headerWithoutDelimiter() throws IOException {
        Path file = write("one.txt", "user_id\n1\n");

        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read(file, Format.DELIMITED));

        assertEquals(DataProblem.UNKNOWN_DELIMITER, e.problem());
    }

    @Test
    void read_skipBadRowsCountsPerProblem() throws IOException {
        Path file = write("u.data", "1\t2\t3\t4\nx\t2\t3\t4\n1\t2\t3\n1\t2\t3\t5\ny\t2\t3\t4\n");

        ReadResult result =
                InteractionLogReader.read(
                        file, Format.MOVIELENS_100K, ReadOptions.defaults().withSkipBadRows(true));

        assertEquals(2, result.log().size());
        assertEquals(5L, result.log().time(1));
        ReadReport report = result.report();
        assertEquals(5, report.rowsRead());
        assertEquals(2, report.rowsKept());
        assertEquals(2, report.skipped(DataProblem.NOT_A_NUMBER));
        assertEquals(1, report.skipped(DataProblem.WRONG_FIELD_COUNT));
        assertEquals("x", report.firstExamples().get(DataProblem.NOT_A_NUMBER).value());
        assertEquals(2, report.firstExamples().get(DataProblem.NOT_A_NUMBER).line());
    }

    @Test
    void read_parquetFormatIsRejected() throws IOException {
        Path file = write("u.data", U_DATA);

        assertThrows(IllegalArgumentException.class, () -> read(file, Format.PLAYBACK_PARQUET));
    }
}
