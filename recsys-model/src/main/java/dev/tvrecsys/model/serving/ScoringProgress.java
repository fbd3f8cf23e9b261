package dev.tvrecsys.model.serving;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a {@link BatchScorer} run: an INFO line with viewers/s at most once per log interval,
 * and a progress bar redrawn after every batch when a terminal stream is given.
 */
final class ScoringProgress {

    private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);
    private static final int BAR_WIDTH = 30;

    private final int total;
    private final long logIntervalNanos;
    private final PrintStream terminal;
    private final long startNanos;
    private long lastLogNanos;

    ScoringProgress(int total, long logIntervalNanos, PrintStream terminal) {
        this.total = total;
        this.logIntervalNanos = logIntervalNanos;
        this.terminal = terminal;
        this.startNanos = System.nanoTime();
        this.lastLogNanos = startNanos;
    }

    /** Records that the first {@code done} viewers are scored and written. */
    void update(int done) {
        long now = System.nanoTime();
        double rate = viewersPerSecond(done, now);
        if (terminal != null) {
            int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
            terminal.printf(
                    Locale.ROOT,
                    "\rscoring [%s%s] %d/%d viewers, %.0f viewers/s",
                    "=".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled),
                    done,
                    total,
                    rate);
            if (done == total) {
                terminal.println();
            }
            terminal.flush();
        }
        if (now - lastLogNanos >= logIntervalNanos && done < total) {
            LOG.info("Scored {}/{} viewers, {} viewers/s", done, total, Math.round(rate));
            lastLogNanos = now;
        }
    }

    private double viewersPerSecond(int done, long now) {
        double seconds = (now - startNanos) / 1e9;
        return seconds > 0 ? done / seconds : 0;
    }
}
