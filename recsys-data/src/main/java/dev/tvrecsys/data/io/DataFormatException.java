package dev.tvrecsys.data.io;

import java.util.Objects;

/**
 * Invalid content in an input file: the one exception that the readers of this library raise for
 * bad input.
 *
 * <p>It is unchecked because a caller can rarely recover from bad content other than by fixing the
 * file or by reading again with {@link ReadOptions#skipBadRows()}. Failures to open or read a file
 * are reported as {@link java.io.IOException} instead. The exception carries the file name, the
 * 1-based data row, the line of a text file, the Parquet row group, the column and the offending
 * value where they are known. Its message ends with what to do next, for example:
 *
 * <pre>
 * playback.parquet row 17 (row group 1), column watch_minutes: value -3 is negative, but watch
 * minutes must be &gt;= 0. Fix the export or set ReadOptions.skipBadRows to drop such rows.
 * </pre>
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DataProblem problem;
    private final String file;
    private final long row;
    private final long line;
    private final int rowGroup;
    private final String column;
    private final String value;

    /**
     * Creates an exception.
     *
     * @param problem the kind of problem
     * @param file the file name
     * @param row the 1-based data row, or 0 for a problem of the whole file
     * @param line the 1-based line of a text file, or 0 where the file has no lines
     * @param rowGroup the 1-based Parquet row group, or 0 where not known
     * @param column the column name, or null where the problem concerns no single column
     * @param value the offending value as text, or null where there is none
     * @param detail what is wrong, for example "value -3 is negative, but watch minutes must be
     *     &gt;= 0"
     */
    public DataFormatException(
            DataProblem problem,
            String file,
            long row,
            long line,
            int rowGroup,
            String column,
            String value,
            String detail) {
        super(message(problem, file, row, line, rowGroup, column, detail));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.file = Objects.requireNonNull(file, "file");
        this.row = row;
        this.line = line;
        this.rowGroup = rowGroup;
        this.column = column;
        this.value = value;
    }

    private static String message(
            DataProblem problem,
            String file,
            long row,
            long line,
            int rowGroup,
            String column,
            String detail) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(" line ").append(line);
            if (row > 0) {
                text.append(" (data row ").append(row).append(')');
            }
        } else if (row > 0) {
            text.append(" row ").append(row);
            if (rowGroup > 0) {
                text.append(" (row group ").append(rowGroup).append(')');
            }
        }
        if (column != null) {
            text.append(", column ").append(column);
        }
        text.append(": ").append(detail).append(". ").append(problem.fix());
        return text.toString();
    }

    /** Returns the kind of problem. */
    public DataProblem problem() {
        return problem;
    }

    /** Returns the name of the file. */
    public String file() {
        return file;
    }

    /** Returns the 1-based data row, or 0 for a problem of the whole file. */
    public long row() {
        return row;
    }

    /** Returns the 1-based line of a text file, or 0 for Parquet files and whole-file problems. */
    public long line() {
        return line;
    }

    /** Returns the 1-based Parquet row group, or 0 where not known. */
    public int rowGroup() {
        return rowGroup;
    }

    /** Returns the column name, or null where the problem concerns no single column. */
    public String column() {
        return column;
    }

    /** Returns the offending value as text, or null where there is none. */
    public String value() {
        return value;
    }
}
