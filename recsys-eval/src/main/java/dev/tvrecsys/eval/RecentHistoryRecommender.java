package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;

/**
 * Baseline that recommends the viewer's own recent shows again, ranked by recency and frequency,
 * and fills the rest of the ranking by popularity.
 *
 * <p>A show in the input window scores {@code 1 + sum over its occurrences of decay^age}, where the
 * last step has age 0 and each step further back adds 1. Every other show scores {@code
 * BACKOFF_WEIGHT * popularity / max popularity}, with popularity the target count of {@link
 * MostPopularRecommender}. That back-off is at most 0.5, so every window show ranks above every
 * other show. Padding is skipped, and {@link IdVocabulary#UNKNOWN} is never ranked by {@link TopK}.
 */
public final class RecentHistoryRecommender implements Recommender {

    /** Weight of the normalized popularity given to shows outside the window. */
    public static final float BACKOFF_WEIGHT = 0.5f;

    /** Default decay per step of age. NOTE: a plausible value, not tuned on any data set. */
    public static final float DEFAULT_DECAY = 0.8f;

    private final float decay;
    private final float[] backoff;

    private RecentHistoryRecommender(float decay, float[] backoff) {
        this.decay = decay;
        this.backoff = backoff;
    }

    /**
     * Fits the popularity back-off with {@link #DEFAULT_DECAY}.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target or a target is outside {@code [0,
     *     showCount)}
     */
    public static RecentHistoryRecommender fit(SampleSet train, int showCount) {
        return fit(train, showCount, DEFAULT_DECAY);
    }

    /**
     * Fits the popularity back-off.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @param decay weight factor per step of age, in (0, 1]; 1 ranks window shows by frequency
     * @return the fitted baseline
     * @throws IllegalArgumentException if {@code decay} is out of range, a sample has no target or
     *     a target is outside {@code [0, showCount)}
     */
    public static RecentHistoryRecommender fit(SampleSet train, int showCount, float decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1], found " + decay);
        }
        int[] counts = MostPopularRecommender.countTargets(train, showCount);
        int max = 0;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        float[] backoff = new float[showCount];
        if (max > 0) {
            for (int c = 0; c < showCount; c++) {
                backoff[c] = BACKOFF_WEIGHT * counts[c] / max;
            }
        }
        return new RecentHistoryRecommender(decay, backoff);
    }

    /** Returns the decay per step of age. */
    public float decay() {
        return decay;
    }

    @Override
    public String name() {
        return "recent-history";
    }

    @Override
    public int showCount() {
        return backoff.length;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a window show is outside {@code [0, showCount())}
     */
    @Override
    public void score(SampleSet samples, int from, int to, float[][] out) {
        int windowLength = samples.windowLength();
        for (int i = from; i < to; i++) {
            float[] row = out[i - from];
            System.arraycopy(backoff, 0, row, 0, backoff.length);
            // First pass: reset window shows to 1, so the back-off drops out and repeats add up.
            for (int step = 0; step < windowLength; step++) {
                int show = WindowShows.checkedShow(samples, i, step, backoff.length);
                if (show != IdVocabulary.PADDING) {
                    row[show] = 1;
                }
            }
            for (int step = 0; step < windowLength; step++) {
                int show = samples.show(i, step);
                if (show != IdVocabulary.PADDING) {
                    row[show] += (float) Math.pow(decay, windowLength - 1 - step);
                }
            }
        }
    }
}
