package dev.tvrecsys.data.io;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads user-item interaction logs from text into an {@link EventLog}: MovieLens {@code u.data} and
 * {@code ratings.dat}, and delimited files with a header line.
 *
 * <p>Every item becomes a show with the asset type {@link ReadOptions#assetType()}, session id 0,
 * episode id 0 and watch minutes 0. With a unix time in seconds, the event time is that second, the
 * day is the UTC epoch day and the minute of the day is the UTC minute, and the log has clock time.
 * With a position column, the event time is the position, day and minute of the day are 0, and the
 * log has no clock time. Ratings are ignored.
 *
 * <p>A delimited file is tab-, comma-, semicolon- or bar-separated; the delimiter is the one given
 * in {@link ReadOptions#delimiter()}, or else the one of these that occurs most often in the header
 * line. Header names are matched case-insensitively: user {@code user_id, userId, user, viewer_id};
 * item {@code item_id, itemId, movie_id, movieId, show_id, item, movie}; time {@code timestamp,
 * time, unix_time, ts}; position {@code seq_pos, position, pos, seq}. If both a time and a position
 * column exist, the time column is used.
 *
 * <p>All formats may be gzip-compressed (detected from the magic bytes) and may start with a UTF-8
 * byte order mark. Lines may end in CRLF, and blank lines are skipped. Ids must be integers in int
 * range, and times and positions must not be negative.
 *
 * <p>Fields of a delimited file, header names included, may be quoted as in RFC 4180: a field that
 * starts with a double quote ends at the next single double quote, which must be followed by the
 * delimiter or the end of the line, and a doubled double quote inside stands for one. A delimiter
 * inside quotes does not split the field. A quoted field that is not closed on its line, or text
 * after the closing quote, is an {@link DataProblem#INVALID_QUOTING} row problem, and in the header
 * line an {@link DataProblem#UNREADABLE_FILE} file problem. Line breaks inside quoted fields are
 * not supported.
 */
public final class InteractionLogReader {

    static final List<String> USER_NAMES = List.of("user_id", "userid", "user", "viewer_id");
    static final List<String> ITEM_NAMES =
            List.of("item_id", "itemid", "movie_id", "movieid", "show_id", "item", "movie");
    static final List<String> TIME_NAMES = List.of("timestamp", "time", "unix_time", "ts");
    static final List<String> POSITION_NAMES = List.of("seq_pos", "position", "pos", "seq");

    private static final int SECONDS_PER_DAY = 86_400;
    private static final byte QUOTE = '"';

    /** Returned by {@link #split} for a quoted field that does not close on its line. */
    private static final int UNCLOSED_QUOTE = -1;

    /** Returned by {@link #split} for text between a closing quote and the next delimiter. */
    private static final int TEXT_AFTER_QUOTE = -2;

    private static final byte[] TAB = {'\t'};
    private static final byte[] DOUBLE_COLON = {':', ':'};
    private static final List<String> MOVIELENS_COLUMNS =
            List.of("user_id", "item_id", "rating", "timestamp");

    private final String file;
    private final ReadOptions options;
    private final BadRows badRows;
    private byte[] delimiter;
    private List<String> columns;
    private int userColumn;
    private int itemColumn;
    private int orderColumn;
    private boolean orderIsTime;
    private boolean quotedFields;
    private int[] fieldStarts;
    private int[] fieldEnds;

    private InteractionLogReader(String file, ReadOptions options) {
        this.file = file;
        this.options = options;
        this.badRows = new BadRows(file, options.skipBadRows());
    }

    /**
     * Reads an interaction log.
     *
     * @param path the file, optionally gzip-compressed
     * @param format {@link Format#MOVIELENS_100K}, {@link Format#MOVIELENS_RATINGS} or {@link
     *     Format#DELIMITED}
     * @param options bad-row handling, asset type and delimiter
     * @return the events and the read report
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the header is invalid, or a row is invalid and bad rows are
     *     not skipped
     * @throws IllegalArgumentException if the format is {@link Format#PLAYBACK_PARQUET}
     */
    public static ReadResult read(Path path, Format format, ReadOptions options)
            throws IOException {
        InteractionLogReader reader =
                new InteractionLogReader(path.getFileName().toString(), options);
        try (LineReader lines = LineReader.open(path)) {
            switch (format) {
                case MOVIELENS_100K:
                    reader.useMovieLensLayout(TAB);
                    break;
                case MOVIELENS_RATINGS:
                    reader.useMovieLensLayout(DOUBLE_COLON);
                    break;
                case DELIMITED:
                    if (!reader.readHeader(lines)) {
                        return reader.finish(EventLog.builder(reader.file, true), 0);
                    }
                    break;
                default:
                    throw new IllegalArgumentException(
                            "InteractionLogReader reads text formats, found " + format);
            }
            return reader.readRows(lines);
        }
    }

    private void useMovieLensLayout(byte[] fieldDelimiter) {
        delimiter = fieldDelimiter;
        columns = MOVIELENS_COLUMNS;
        userColumn = 0;
        itemColumn = 1;
        orderColumn = 3;
        orderIsTime = true;
        allocateFields();
    }

    private void allocateFields() {
        fieldStarts = new int[columns.size() + 1];
        fieldEnds = new int[columns.size() + 1];
    }

    /** Reads the first non-blank line as the header; returns false if the file is blank. */
    private boolean readHeader(LineReader lines) throws IOException {
        while (lines.next()) {
            byte[] bytes = lines.bytes();
            if (FieldParser.isBlank(bytes, lines.start(), lines.end())) {
                continue;
            }
            String header =
                    new String(
                            bytes,
                            lines.start(),
                            lines.end() - lines.start(),
                            StandardCharsets.UTF_8);
            char separator =
                    options.delimiter() != '\0' ? options.delimiter() : detectDelimiter(header);
            delimiter = new byte[] {(byte) separator};
            quotedFields = true;
            columns = splitHeader(header, separator);
            userColumn = findColumn(USER_NAMES);
            itemColumn = findColumn(ITEM_NAMES);
            orderColumn = findColumn(TIME_NAMES);
            orderIsTime = orderColumn >= 0;
            if (!orderIsTime) {
                orderColumn = findColumn(POSITION_NAMES);
            }
            checkColumn(userColumn, "user", USER_NAMES);
            checkColumn(itemColumn, "item", ITEM_NAMES);
            if (orderColumn < 0) {
                List<String> accepted = new ArrayList<>(TIME_NAMES);
                accepted.addAll(POSITION_NAMES);
                checkColumn(orderColumn, "time or position", accepted);
            }
            allocateFields();
            return true;
        }
        return false;
    }

    private char detectDelimiter(String header) {
        char best = '\0';
        int bestCount = 0;
        for (char candidate : new char[] {'\t', ',', ';', '|'}) {
            int count = 0;
            boolean insideQuotes = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    insideQuotes = !insideQuotes;
                } else if (c == candidate && !insideQuotes) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        if (bestCount == 0) {
            throw new DataFormatException(
                    DataProblem.UNKNOWN_DELIMITER,
                    file,
                    0,
                    0,
                    0,
                    null,
                    header,
                    "the header line '"
                            + header
                            + "' contains no tab, ',', ';' or '|', so the delimiter is unknown");
        }
        return best;
    }

    /** Splits the header line at the delimiter, removing quotes and surrounding spaces. */
    private List<String> splitHeader(String header, char separator) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < header.length() && header.charAt(i) == ' ') {
                i++;
            }
            if (i < header.length() && header.charAt(i) == '"') {
                StringBuilder name = new StringBuilder();
                int closing = -1;
                for (int j = i + 1; j < header.length(); j++) {
                    if (header.charAt(j) != '"') {
                        name.append(header.charAt(j));
                    } else if (j + 1 < header.length() && header.charAt(j + 1) == '"') {
                        name.append('"');
                        j++;
                    } else {
                        closing = j;
                        break;
                    }
                }
                int next = closing < 0 ? -1 : skipSpaces(header, closing + 1);
                if (closing < 0 || (next < header.length() && header.charAt(next) != separator)) {
                    throw invalidHeaderQuoting(header);
                }
                names.add(name.toString().trim());
                if (next == header.length()) {
                    return names;
                }
                i = next + 1;
            } else {
                int next = header.indexOf(separator, i);
                int end = next < 0 ? header.length() : next;
                names.add(header.substring(i, end).trim());
                if (next < 0) {
                    return names;
                }
                i = next + 1;
            }
        }
    }

    private static int skipSpaces(String text, int from) {
        while (from < text.length() && text.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    private DataFormatException invalidHeaderQuoting(String header) {
        return new DataFormatException(
                DataProblem.UNREADABLE_FILE,
                file,
                0,
                1,
                0,
                null,
                header,
                "the header line '"
                        + header
                        + "' has a quoted name that is not closed or is followed by text"
                        + " before the delimiter");
    }

    private int findColumn(List<String> accepted) {
        for (int i = 0; i < columns.size(); i++) {
            if (accepted.contains(columns.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private void checkColumn(int index, String role, List<String> accepted) {
        if (index < 0) {
            throw new DataFormatException(
                    DataProblem.MISSING_COLUMN,
                    file,
                    0,
                    1,
                    0,
                    null,
                    null,
                    "the header has no "
                            + role
                            + " column; accepted names are "
                            + accepted
                            + " (any case), and the header has "
                            + columns);
        }
    }

    private ReadResult readRows(LineReader lines) throws IOException {
        EventLog.Builder builder = EventLog.builder(file, orderIsTime);
        String assetType = options.assetType();
        long row = 0;
        while (lines.next()) {
            byte[] bytes = lines.bytes();
            int start = lines.start();
            int end = lines.end();
            if (FieldParser.isBlank(bytes, start, end)) {
                continue;
            }
            row++;
            int count = split(bytes, start, end);
            if (count < 0) {
                badRows.reject(
                        DataProblem.INVALID_QUOTING,
                        row,
                        lines.lineNumber(),
                        0,
                        null,
                        new String(bytes, start, end - start, StandardCharsets.UTF_8),
                        count == UNCLOSED_QUOTE
                                ? "a quoted field is not closed on this line"
                                        + " (line breaks inside quotes are not supported)"
                                : "text follows the closing quote of a field before the"
                                        + " delimiter");
                continue;
            }
            if (count != columns.size()) {
                badRows.reject(
                        DataProblem.WRONG_FIELD_COUNT,
                        row,
                        lines.lineNumber(),
                        0,
                        null,
                        new String(bytes, start, end - start, StandardCharsets.UTF_8),
                        "the line has "
                                + (count > columns.size() ? "more than " + columns.size() : count)
                                + " fields, but "
                                + columns.size()
                                + " are required "
                                + columns);
                continue;
            }
            long user = parseId(bytes, userColumn, row, lines.lineNumber());
            if (user == FieldParser.INVALID) {
                continue;
            }
            long item = parseId(bytes, itemColumn, row, lines.lineNumber());
            if (item == FieldParser.INVALID) {
                continue;
            }
            long order = parseOrder(bytes, row, lines.lineNumber());
            if (order == FieldParser.INVALID) {
                continue;
            }
            if (orderIsTime) {
                long day = Math.floorDiv(order, SECONDS_PER_DAY);
                int minuteOfDay = (int) (Math.floorMod(order, SECONDS_PER_DAY) / 60);
                builder.add(
                        (int) user, 0, (int) item, assetType, 0, order, (int) day, minuteOfDay, 0);
            } else {
                builder.add((int) user, 0, (int) item, assetType, 0, order, 0, 0, 0);
            }
        }
        return finish(builder, row);
    }

    private ReadResult finish(EventLog.Builder builder, long rowsRead) {
        EventLog log = builder.build();
        return new ReadResult(log, badRows.finish(rowsRead, log.size()));
    }

    /**
     * Splits a line at the delimiter into {@link #fieldStarts} and {@link #fieldEnds}. A quoted
     * field's range excludes its quotes but keeps doubled quotes inside as they are.
     *
     * @return the number of fields, {@code columns.size() + 1} if there are more, or {@link
     *     #UNCLOSED_QUOTE} or {@link #TEXT_AFTER_QUOTE} for invalid quoting
     */
    private int split(byte[] bytes, int start, int end) {
        int max = fieldStarts.length;
        int count = 0;
        int i = start;
        while (count < max) {
            if (quotedFields && i < end && bytes[i] == QUOTE) {
                int closing = closingQuote(bytes, i + 1, end);
                if (closing < 0) {
                    return UNCLOSED_QUOTE;
                }
                fieldStarts[count] = i + 1;
                fieldEnds[count] = closing;
                count++;
                i = closing + 1;
                if (i == end) {
                    return count;
                }
                if (!isDelimiter(bytes, i, end)) {
                    return TEXT_AFTER_QUOTE;
                }
                i += delimiter.length;
            } else {
                int next = nextDelimiter(bytes, i, end);
                fieldStarts[count] = i;
                fieldEnds[count] = next < 0 ? end : next;
                count++;
                if (next < 0) {
                    return count;
                }
                i = next + delimiter.length;
            }
        }
        return max;
    }

    /** Returns the index of the first delimiter in {@code [from, end)}, or -1. */
    private int nextDelimiter(byte[] bytes, int from, int end) {
        byte first = delimiter[0];
        int width = delimiter.length;
        for (int i = from; i <= end - width; i++) {
            if (bytes[i] == first && (width == 1 || bytes[i + 1] == delimiter[1])) {
                return i;
            }
        }
        return -1;
    }

    private boolean isDelimiter(byte[] bytes, int at, int end) {
        return at <= end - delimiter.length
                && bytes[at] == delimiter[0]
                && (delimiter.length == 1 || bytes[at + 1] == delimiter[1]);
    }

    /** Returns the index of the quote that closes a field whose text starts at {@code from}. */
    private static int closingQuote(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == QUOTE) {
                if (i + 1 < end && bytes[i + 1] == QUOTE) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private long parseId(byte[] bytes, int column, long row, long line) {
        long value = FieldParser.parseLong(bytes, fieldStarts[column], fieldEnds[column]);
        if (value == FieldParser.INVALID
                || value < Integer.MIN_VALUE
                || value > Integer.MAX_VALUE) {
            String text = field(bytes, column);
            badRows.reject(
                    DataProblem.NOT_A_NUMBER,
                    row,
                    line,
                    0,
                    columns.get(column),
                    text,
                    "value '" + text + "' is not an integer id in int range");
            return FieldParser.INVALID;
        }
        return value;
    }

    private long parseOrder(byte[] bytes, long row, long line) {
        long value = FieldParser.parseLong(bytes, fieldStarts[orderColumn], fieldEnds[orderColumn]);
        String kind = orderIsTime ? "unix time in seconds" : "position";
        if (value == FieldParser.INVALID) {
            String text = field(bytes, orderColumn);
            badRows.reject(
                    DataProblem.NOT_A_NUMBER,
                    row,
                    line,
                    0,
                    columns.get(orderColumn),
                    text,
                    "value '" + text + "' is not an integer " + kind);
            return FieldParser.INVALID;
        }
        if (value < 0) {
            badRows.reject(
                    DataProblem.NEGATIVE_VALUE,
                    row,
                    line,
                    0,
                    columns.get(orderColumn),
                    field(bytes, orderColumn),
                    "value " + value + " is negative, but a " + kind + " must be >= 0");
            return FieldParser.INVALID;
        }
        return value;
    }

    /** Returns a field as text, with each doubled quote of a quoted field as one quote. */
    private String field(byte[] bytes, int column) {
        String text =
                new String(
                        bytes,
                        fieldStarts[column],
                        fieldEnds[column] - fieldStarts[column],
                        StandardCharsets.UTF_8);
        return quotedFields ? text.replace("\"\"", "\"") : text;
    }
}
