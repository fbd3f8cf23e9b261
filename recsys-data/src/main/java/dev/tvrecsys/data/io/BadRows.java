package dev.tvrecsys.data.io;

import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises or counts row problems of one read, following {@link ReadOptions#skipBadRows()}.
 *
 * <p>An exception object is created only for the first skipped row of each problem, so skipping
 * many rows stays cheap.
 */
final class BadRows {

    private static final Logger LOG = LoggerFactory.getLogger(BadRows.class);

    private final String file;
    private final boolean skip;
    private final Map<DataProblem, Long> counts = new EnumMap<>(DataProblem.class);
    private final Map<DataProblem, DataFormatException> examples = new EnumMap<>(DataProblem.class);

    BadRows(String file, boolean skip) {
        this.file = file;
        this.skip = skip;
    }

    /**
     * Rejects one row: raises the problem, or counts it when rows are skipped.
     *
     * @throws DataFormatException unless bad rows are skipped
     */
    void reject(
            DataProblem problem,
            long row,
            long line,
            int rowGroup,
            String column,
            CharSequence value,
            String detail) {
        if (!skip) {
            throw new DataFormatException(
                    problem, file, row, line, rowGroup, column, text(value), detail);
        }
        Long count = counts.get(problem);
        if (count == null) {
            counts.put(problem, 1L);
            examples.put(
                    problem,
                    new DataFormatException(
                            problem, file, row, line, rowGroup, column, text(value), detail));
        } else {
            counts.put(problem, count + 1);
        }
    }

    private static String text(CharSequence value) {
        return value == null ? null : value.toString();
    }

    /** Logs one WARN line per problem and returns the report. */
    ReadReport finish(long rowsRead, long rowsKept) {
        for (Map.Entry<DataProblem, Long> entry : counts.entrySet()) {
            DataFormatException example = examples.get(entry.getKey());
            LOG.warn(
                    "Skipped {} of {} rows of {} for {}; first: {}",
                    entry.getValue(),
                    rowsRead,
                    file,
                    entry.getKey(),
                    example.getMessage());
        }
        return new ReadReport(file, rowsRead, rowsKept, counts, examples);
    }
}
