package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.SampleSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every viewer of an {@link EventLog} with a {@link ShowRecommender} and writes each
 * viewer's top k to a CSV file and a Parquet file.
 *
 * <p>Each viewer is scored on the inference window of their newest {@link
 * ShowRecommender#windowLength()} events, as {@link ShowRecommender#recommendForViewer} does for a
 * recommender loaded with the same log, so both return the same top k. Viewers are scored {@link
 * Builder#batchSize(int)} at a time with one forward pass per batch, and each batch's rows are
 * written before the next batch is scored. Memory therefore contains the log, the windows of all
 * viewers and one batch of scores (batch size times show vocabulary size floats), never the top k
 * of all viewers.
 *
 * <p>Both files have the columns {@code viewer_id, rank, show_id, score}, one row per recommended
 * show, viewers in ascending id order and ranks from 1 (best). The CSV file starts with that header
 * line. The Parquet file has int32 {@code viewer_id}, {@code rank} and {@code show_id} and a float
 * {@code score}, written through parquet-avro. A viewer gets fewer than k rows only when fewer than
 * k shows are eligible under the options.
 *
 * <p>Rows go to temporary files beside the targets, which replace the targets by atomic moves once
 * every viewer is written. If scoring or writing fails, the temporary files are deleted and the
 * targets keep their old content. The CSV file is moved first, so a failure of the second move
 * leaves a new CSV file beside an old Parquet file.
 *
 * <pre>{@code
 * try (ShowRecommender recommender = ShowRecommender.load(modelDir, Device.cpu())) {
 *     BatchScoreSummary summary =
 *             BatchScorer.builder(recommender).k(10).build().score(log, csvFile, parquetFile);
 * }
 * }</pre>
 *
 * <p>Instances are immutable. One scorer may run several {@code score} calls, each single-threaded.
 */
public final class BatchScorer {

    /** Default number of viewers per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 512;

    /** Default number of recommendations per viewer. */
    public static final int DEFAULT_K = 10;

    /** Default time between INFO progress lines. */
    public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);

    private final ShowRecommender recommender;
    private final int k;
    private final RecommendOptions options;
    private final int batchSize;
    private final Duration logInterval;
    private final PrintStream progressBar;

    private BatchScorer(Builder builder) {
        this.recommender = builder.recommender;
        this.k = builder.k;
        this.options = builder.options;
        this.batchSize = builder.batchSize;
        this.logInterval = builder.logInterval;
        this.progressBar = builder.progressBar;
    }

    /**
     * Returns a builder with the defaults: k {@value #DEFAULT_K}, no filters, {@value
     * #DEFAULT_BATCH_SIZE} viewers per batch, a progress line every 10 seconds and no progress bar.
     *
     * @param recommender the loaded model or baseline; the caller closes it after scoring
     * @throws IllegalArgumentException if {@code recommender} is null
     */
    public static Builder builder(ShowRecommender recommender) {
        if (recommender == null) {
            throw new IllegalArgumentException("recommender must not be null");
        }
        return new Builder(recommender);
    }

    /**
     * Scores every viewer of {@code log} and writes their top k to both files.
     *
     * @param log the viewers' events; show ids the model does not know become its unknown index
     * @param csvFile CSV file to create or replace; parent directories are created
     * @param parquetFile Parquet file to create or replace; parent directories are created
     * @return the number of viewers and rows and the elapsed time
     * @throws IOException if writing either file fails; both targets then keep their old content,
     *     unless the failure was the final move of the Parquet file
     * @throws IllegalArgumentException if an argument is null or both paths name the same file
     */
    public BatchScoreSummary score(EventLog log, Path csvFile, Path parquetFile)
            throws IOException {
        requireNonNull(log, "log");
        requireNonNull(csvFile, "csvFile");
        requireNonNull(parquetFile, "parquetFile");
        long start = System.nanoTime();
        Vocabularies vocabularies = recommender.vocabularies();
        ViewerWindows windows =
                ViewerWindows.of(
                        log,
                        vocabularies.shows(),
                        vocabularies.assets(),
                        vocabularies.windowLength());
        LOG.info(
                "Scoring {} viewers of {} with {}: top {}, {}, {} viewers per batch",
                windows.size(),
                log.source(),
                recommender.name(),
                k,
                options,
                batchSize);

        long rows;
        try (TopKFiles files = TopKFiles.open(csvFile, parquetFile)) {
            writeAll(windows.samples(), files);
            files.commit();
            rows = files.rows();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BatchScoreSummary summary = new BatchScoreSummary(windows.size(), rows, seconds);
        LOG.info(
                "Scored {} viewers in {} s ({} viewers/s): {} rows in {} and {}",
                summary.viewers(),
                String.format("%.2f", seconds),
                Math.round(summary.viewersPerSecond()),
                rows,
                csvFile,
                parquetFile);
        return summary;
    }

    private void writeAll(SampleSet windows, TopKFiles files) throws IOException {
        int viewers = windows.size();
        ScoringProgress progress = new ScoringProgress(viewers, logInterval.toNanos(), progressBar);
        for (int from = 0; from < viewers; from += batchSize) {
            int to = Math.min(viewers, from + batchSize);
            List<List<Recommendation>> ranked =
                    recommender.recommendWindows(windows, from, to, k, options);
            for (int i = from; i < to; i++) {
                int viewerId = windows.viewerId(i);
                List<Recommendation> top = ranked.get(i - from);
                for (int r = 0; r < top.size(); r++) {
                    Recommendation item = top.get(r);
                    files.write(viewerId, r + 1, item.showId(), item.score());
                }
            }
            progress.update(to);
        }
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** Builder whose setters validate their argument at once. */
    public static final class Builder {
        private final ShowRecommender recommender;
        private int k = DEFAULT_K;
        private RecommendOptions options = RecommendOptions.defaults();
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration logInterval = DEFAULT_LOG_INTERVAL;
        private PrintStream progressBar;

        private Builder(ShowRecommender recommender) {
            this.recommender = recommender;
        }

        /**
         * Sets the number of recommendations per viewer.
         *
         * @param value positive k
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder k(int value) {
            Vocabularies.requireK(value);
            this.k = value;
            return this;
        }

        /**
         * Sets the filters applied to every viewer; excluding watched shows covers the shows of the
         * viewer's scored window.
         *
         * @param value the filters
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null
         */
        public Builder options(RecommendOptions value) {
            requireNonNull(value, "options");
            this.options = value;
            return this;
        }

        /**
         * Sets the number of viewers scored in one forward pass.
         *
         * @param value positive batch size
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive
         */
        public Builder batchSize(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("batch size must be positive, found " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * Sets the minimum time between INFO progress lines.
         *
         * @param value a non-negative duration; zero logs after every batch
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null or negative
         */
        public Builder logInterval(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(
                        "log interval must be zero or positive, found " + value);
            }
            this.logInterval = value;
            return this;
        }

        /**
         * Sets the stream a progress bar is redrawn on after every batch, with carriage returns.
         *
         * @param terminal the stream, for example {@code System.out} when {@code System.console()}
         *     is not null, or null for no bar
         * @return this builder
         */
        public Builder progressBar(PrintStream terminal) {
            this.progressBar = terminal;
            return this;
        }

        /** Builds the scorer. */
        public BatchScorer build() {
            return new BatchScorer(this);
        }
    }
}
