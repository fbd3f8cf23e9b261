package dev.tvrecsys.eval;

import dev.tvrecsys.data.SampleSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Recommender} over a {@link SampleSet} in batches, ranks the shows of every sample
 * with {@link TopK} and returns the {@link RankingMetrics} report with the wall time.
 *
 * <p>Create one with {@link #builder()}. An evaluator keeps no state between calls, so one instance
 * may evaluate several recommenders, one call at a time per thread.
 */
public final class Evaluator {

    /** Default number of samples scored per call to {@link Recommender#score}. */
    public static final int DEFAULT_BATCH_SIZE = 512;

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final List<Integer> ks;
    private final int batchSize;
    private final boolean excludeSeen;

    private Evaluator(Builder builder) {
        this.ks = builder.ks;
        this.batchSize = builder.batchSize;
        this.excludeSeen = builder.excludeSeen;
    }

    /**
     * Returns a builder with the cut-offs {@link RankingMetrics#DEFAULT_KS}, batch size {@link
     * #DEFAULT_BATCH_SIZE} and no exclusion of seen shows.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the cut-offs.
     *
     * @return an unmodifiable list, ascending
     */
    public List<Integer> ks() {
        return ks;
    }

    /**
     * Returns the number of samples scored per batch.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns whether shows of the input window are removed from each ranking.
     *
     * @return true if seen shows are excluded
     */
    public boolean excludeSeen() {
        return excludeSeen;
    }

    /**
     * Scores, ranks and measures every sample.
     *
     * @param recommender the model or baseline to evaluate
     * @param samples samples that all have a target
     * @return the metrics with the elapsed wall time
     * @throws IllegalArgumentException if a sample has no target or a target outside {@code [0,
     *     recommender.showCount())}, naming the first such sample, or if the recommender scores no
     *     more than the padding and unknown indices
     */
    public MetricsReport evaluate(Recommender recommender, SampleSet samples) {
        int showCount = recommender.showCount();
        RankingMetrics metrics = new RankingMetrics(showCount, ks);
        requireTargets(samples, showCount);

        int maxK = metrics.maxK();
        TopK topK = new TopK(maxK);
        int[] ranked = new int[maxK];
        int windowLength = samples.windowLength();
        float[][] scores = new float[Math.min(batchSize, Math.max(samples.size(), 1))][showCount];
        long start = System.nanoTime();

        for (int from = 0; from < samples.size(); from += batchSize) {
            int to = Math.min(from + batchSize, samples.size());
            recommender.score(samples, from, to, scores);
            for (int i = from; i < to; i++) {
                float[] row = scores[i - from];
                if (excludeSeen) {
                    int windowStart = i * windowLength;
                    topK.select(
                            row, samples.shows(), windowStart, windowStart + windowLength, ranked);
                } else {
                    topK.select(row, ranked);
                }
                metrics.add(ranked, samples.target(i));
            }
            LOG.debug("{}: scored samples [{}, {})", recommender.name(), from, to);
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        MetricsReport report = metrics.report().withElapsedSeconds(seconds);
        LOG.info(
                "Evaluated {} on {} samples in {} s ({} samples/s)",
                recommender.name(),
                samples.size(),
                String.format(Locale.ROOT, "%.3f", seconds),
                String.format(Locale.ROOT, "%.0f", report.samplesPerSecond()));
        return report;
    }

    static void requireTargets(SampleSet samples, int showCount) {
        for (int i = 0; i < samples.size(); i++) {
            int target = samples.target(i);
            if (target < 0) {
                throw new IllegalArgumentException(
                        "sample "
                                + i
                                + " has no target (found "
                                + target
                                + "); evaluation needs a target show for every sample");
            }
            if (target >= showCount) {
                throw new IllegalArgumentException(
                        "sample "
                                + i
                                + " has target "
                                + target
                                + ", outside the recommender's "
                                + showCount
                                + " show indices");
            }
        }
    }

    /** Builder of an {@link Evaluator}. Every setter checks its argument at once. */
    public static final class Builder {

        private List<Integer> ks = RankingMetrics.DEFAULT_KS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private boolean excludeSeen;

        private Builder() {}

        /**
         * Sets the cut-offs.
         *
         * @param ks distinct positive cut-offs, in any order
         * @return this builder
         * @throws IllegalArgumentException if {@code ks} is empty, contains a value below 1 or
         *     repeats one
         */
        public Builder ks(List<Integer> ks) {
            int[] sorted = RankingMetrics.validateKs(ks);
            this.ks = Arrays.stream(sorted).boxed().toList();
            return this;
        }

        /**
         * Sets the number of samples scored per call to {@link Recommender#score}.
         *
         * @param batchSize a positive sample count
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize} is not positive
         */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException(
                        "batchSize must be positive, found " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets whether the shows of each input window are removed from its ranking, so that only
         * shows the viewer has not watched in the window can be recommended. Padding is never
         * ranked either way.
         *
         * @param excludeSeen true to exclude seen shows; the default is false
         * @return this builder
         */
        public Builder excludeSeen(boolean excludeSeen) {
            this.excludeSeen = excludeSeen;
            return this;
        }

        /**
         * Builds the evaluator.
         *
         * @return a new evaluator
         */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
