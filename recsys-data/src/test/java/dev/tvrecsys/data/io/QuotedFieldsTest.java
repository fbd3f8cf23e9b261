package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4180 style quoted fields in delimited interaction logs. */
class QuotedFieldsTest {

    @TempDir Path dir;

    private ReadResult read(String content, ReadOptions options) throws IOException {
        Path file = Files.writeString(dir.resolve("log.csv"), content, StandardCharsets.UTF_8);
        return InteractionLogReader.read(file, Format.DELIMITED, options);
    }

    private DataFormatException readFails(String content) {
        return assertThrows(DataFormatException.class, () -> read(content, ReadOptions.defaults()));
    }

    @Test
    void quotedHeaderAndFields_areUnquoted() throws IOException {
        EventLog log =
                read(
                                "\"user_id\",\"item_id\",\"timestamp\"\n\"1\",\"2\",\"3\"\n4,5,6\n",
                                ReadOptions.defaults())
                        .log();

        assertEquals(2, log.size());
        assertEquals(1, log.userId(0));
        assertEquals(2, log.showId(0));
        assertEquals(3L, log.time(0));
        assertEquals(4, log.userId(1));
        assertEquals(5, log.showId(1));
        assertEquals(6L, log.time(1));
    }

    @Test
    void delimiterInsideQuotes_doesNotSplit() throws IOException {
        String content =
                "user_id,\"note, free text\",item_id,timestamp\n"
                        + "1,\"a, b\",2,3\n"
                        + "7,\"say \"\"hi\"\", then go\",8,9\n";

        EventLog log = read(content, ReadOptions.defaults()).log();

        assertEquals(2, log.size());
        assertEquals(2, log.showId(0));
        assertEquals(3L, log.time(0));
        assertEquals(7, log.userId(1));
        assertEquals(8, log.showId(1));
        assertEquals(9L, log.time(1));
    }

    @Test
    void delimiterDetection_ignoresQuotedText() throws IOException {
        ReadResult result =
                read("\"a,b,c,d\";user_id;item_id;timestamp\nx;1;2;3\n", ReadOptions.defaults());

        assertEquals(1, result.log().size());
        assertEquals(2, result.log().showId(0));
    }

    @Test
    void doubledQuoteInId_reportsUnescapedValue() {
        DataFormatException e = readFails("user_id,item_id,timestamp\n\"1\"\"\",2,3\n");

        assertEquals(DataProblem.NOT_A_NUMBER, e.problem());
        assertEquals("user_id", e.column());
        assertEquals("1\"", e.value());
    }

    @Test
    void emptyQuotedId_isNotANumber() {
        DataFormatException e = readFails("user_id,item_id,timestamp\n\"\",2,3\n");

        assertEquals(DataProblem.NOT_A_NUMBER, e.problem());
        assertEquals("", e.value());
    }

    @Test
    void unclosedQuote_isInvalidQuoting() {
        DataFormatException e = readFails("user_id,item_id,timestamp\n1,2,3\n\"4,5,6\n");

        assertEquals(DataProblem.INVALID_QUOTING, e.problem());
        assertEquals(3, e.line());
        assertEquals(2, e.row());
        assertEquals("\"4,5,6", e.value());
        assertEquals(
                "log.csv line 3 (data row 2): a quoted field is not closed on this line (line"
                        + " breaks inside quotes are not supported). Fix the export, or drop such"
                        + " rows with --skip-bad-rows (ReadOptions.skipBadRows in Java).",
                e.getMessage());
    }

    @Test
    void textAfterClosingQuote_isInvalidQuoting() {
        DataFormatException e = readFails("user_id,item_id,timestamp\n\"1\"x,2,3\n");

        assertEquals(DataProblem.INVALID_QUOTING, e.problem());
        assertEquals(2, e.line());
    }

    @Test
    void invalidQuoting_skippedAndCounted() throws IOException {
        ReadResult result =
                read(
                        "user_id,item_id,timestamp\n\"1,2,3\n1,\"2\"3,4\n5,6,7\n",
                        ReadOptions.defaults().withSkipBadRows(true));

        assertEquals(1, result.log().size());
        assertEquals(5, result.log().userId(0));
        assertEquals(2, result.report().skipped(DataProblem.INVALID_QUOTING));
    }

    @Test
    void extraFieldAfterQuoted_isWrongCount() {
        DataFormatException e = readFails("user_id,item_id,timestamp\n1,2,\"3\",4\n");

        assertEquals(DataProblem.WRONG_FIELD_COUNT, e.problem());
    }

    @Test
    void unclosedQuoteInHeader_isUnreadableFile() {
        DataFormatException e = readFails("user_id,\"item_id,timestamp\n1,2,3\n");

        assertEquals(DataProblem.UNREADABLE_FILE, e.problem());
        assertEquals(1, e.line());
    }

    @Test
    void movieLensFormat_treatsQuotesAsText() throws IOException {
        Path file = Files.writeString(dir.resolve("u.data"), "\"1\"\t2\t3\t4\n");

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                InteractionLogReader.read(
                                        file, Format.MOVIELENS_100K, ReadOptions.defaults()));

        assertEquals(DataProblem.NOT_A_NUMBER, e.problem());
        assertEquals("\"1\"", e.value());
    }

    @Test
    void headerWithSpacesAndDoubledQuotes_reads() throws IOException {
        ReadResult result =
                read(
                        "\"say \"\"x\"\"\", user_id ,\"item_id\",timestamp\nq,1,2,3\n",
                        ReadOptions.defaults());

        assertEquals(1, result.log().userId(0));
        assertEquals(2, result.log().showId(0));
    }
}
