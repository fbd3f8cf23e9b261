package dev.tvrecsys.model.serving;

/**
 * Result of one {@link BatchScorer#score} run.
 *
 * @param viewers viewers scored, one per viewer id in the log
 * @param rows top-k rows written to each output file, the CSV header excluded
 * @param seconds wall-clock time of the run: building the windows, scoring and writing both files
 */
public record BatchScoreSummary(int viewers, long rows, double seconds) {

    /** Returns the throughput in viewers per second, or 0 when no time was measured. */
    public double viewersPerSecond() {
        return seconds > 0 ? viewers / seconds : 0;
    }
}
