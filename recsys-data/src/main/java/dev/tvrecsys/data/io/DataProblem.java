package dev.tvrecsys.data.io;

/**
 * The kinds of invalid input that the readers in this package detect.
 *
 * <p>Row problems concern one row and can be dropped with {@link ReadOptions#skipBadRows()}. File
 * problems, such as a missing column, make the whole file unreadable and are always raised.
 */
public enum DataProblem {
    /** A required column is not in the file or the header. */
    MISSING_COLUMN(false, "Fix the export so that the file has every required column."),
    /** A Parquet column has a physical type other than the one the schema requires. */
    WRONG_TYPE(false, "Fix the export so that the column has the required type."),
    /** The delimiter of a delimited file could not be detected from its header line. */
    UNKNOWN_DELIMITER(false, "Pass the delimiter in ReadOptions or fix the header line."),

    /** The file is truncated, corrupt, compressed wrongly or not in the expected format. */
    UNREADABLE_FILE(false, "Export or copy the file again, or check that --format matches it."),

    /** The pages of a Parquet file use a codec whose library, usually native, failed to load. */
    CODEC_UNAVAILABLE(
            false,
            "Rewrite the file with UNCOMPRESSED, GZIP or LZ4_RAW compression, which need no native"
                    + " library, or make the codec's native library loadable: snappy-java (SNAPPY)"
                    + " and zstd-jni (ZSTD) extract theirs into java.io.tmpdir, which must be"
                    + " writable and allow executables."),

    /** The file has no events. */
    NO_EVENTS(false, "Check that the export is complete and that the file is the intended one."),
    /** A required field is null or empty. */
    MISSING_VALUE(true, null),
    /** A number field does not contain a decimal integer in range. */
    NOT_A_NUMBER(true, null),
    /** A field that must not be negative is negative. */
    NEGATIVE_VALUE(true, null),
    /** A day field is neither a positive day number nor an ISO date {@code yyyy-MM-dd}. */
    INVALID_DAY(true, null),
    /** A file mixes day numbers and ISO dates in its day column. */
    MIXED_DAY_KINDS(true, null),
    /** A time field is not a time of day {@code HH:MM} from 00:00 to 23:59. */
    INVALID_TIME(true, null),
    /** A line of a delimited file has a different number of fields than the format requires. */
    WRONG_FIELD_COUNT(true, null),
    /** A quoted field of a delimited file is not closed on its line, or text follows its quote. */
    INVALID_QUOTING(true, null);

    private final boolean rowProblem;
    private final String fix;

    DataProblem(boolean rowProblem, String fix) {
        this.rowProblem = rowProblem;
        this.fix = fix;
    }

    /** Returns whether the problem concerns one row, so that the row can be skipped. */
    public boolean isRowProblem() {
        return rowProblem;
    }

    /** Returns the advice that ends the error message. */
    String fix() {
        return rowProblem
                ? "Fix the export, or drop such rows with --skip-bad-rows"
                        + " (ReadOptions.skipBadRows in Java)."
                : fix;
    }
}
