package dev.tvrecsys.data.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one read: data rows read, rows kept, and rows skipped per problem together with the
 * first skipped example of each problem.
 *
 * @param file the file name
 * @param rowsRead data rows read, blank lines and header lines excluded
 * @param rowsKept rows that became events
 * @param skippedRows rows skipped per problem; empty unless {@link ReadOptions#skipBadRows()}
 * @param firstExamples the first skipped row of each problem in {@code skippedRows}
 */
public record ReadReport(
        String file,
        long rowsRead,
        long rowsKept,
        Map<DataProblem, Long> skippedRows,
        Map<DataProblem, DataFormatException> firstExamples) {

    /** Copies the maps into unmodifiable ones. */
    public ReadReport {
        skippedRows = Collections.unmodifiableMap(copy(skippedRows));
        firstExamples = Collections.unmodifiableMap(copy(firstExamples));
    }

    private static <V> Map<DataProblem, V> copy(Map<DataProblem, V> map) {
        return map.isEmpty() ? new EnumMap<>(DataProblem.class) : new EnumMap<>(map);
    }

    /** Returns the number of rows skipped for {@code problem}. */
    public long skipped(DataProblem problem) {
        return skippedRows.getOrDefault(problem, 0L);
    }

    /** Returns the number of rows skipped for any problem. */
    public long skippedTotal() {
        return skippedRows.values().stream().mapToLong(Long::longValue).sum();
    }
}
