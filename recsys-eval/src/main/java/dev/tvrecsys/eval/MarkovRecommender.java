package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;

/**
 * First-order Markov baseline: shows are ranked by how often they followed the last show of the
 * input window in the training samples.
 *
 * <p>The score of show c after last show s is {@code count(s -> c) + BACKOFF_WEIGHT * popularity(c)
 * / max popularity}, where popularity is the target count of {@link MostPopularRecommender}. Counts
 * are integers and the back-off term is below 1, so the back-off only orders shows with equal
 * transition counts, including the shows never seen after s. A window whose last step is padding,
 * or whose last show has no recorded transition, is ranked by popularity alone. The last show is
 * the last step of the window, because windows are padded on the left. Transitions from {@link
 * IdVocabulary#UNKNOWN} are counted like any other.
 *
 * <p>Transitions come from two sources. Each training sample contributes last window show to
 * target. By default, each pair of consecutive non-padding steps inside an input window contributes
 * too. That matters for {@code Windowing.reference()}, whose windows do not overlap and whose
 * targets are only every 21st event. With overlapping windows the same pair is then counted once
 * per window that contains it, which scales counts roughly evenly and changes rankings little.
 * Counts are stored sparsely in compressed rows, not as a dense {@code showCount x showCount}
 * matrix.
 *
 * <p>NOTE: scores are floats, so the larger a transition count, the coarser the back-off that
 * orders its ties. From a count of 2^22 on it has no effect and TopK's lower-index rule decides.
 */
public final class MarkovRecommender implements Recommender {

    /** Weight of the normalized popularity added to every transition count. */
    public static final float BACKOFF_WEIGHT = 0.5f;

    private final int showCount;
    private final float[] backoff;

    // Compressed sparse rows: transitions from show s are columns[rowStart[s]..rowStart[s+1]-1].
    private final int[] rowStart;
    private final int[] columns;
    private final int[] counts;

    private MarkovRecommender(
            int showCount, float[] backoff, int[] rowStart, int[] columns, int[] counts) {
        this.showCount = showCount;
        this.backoff = backoff;
        this.rowStart = rowStart;
        this.columns = columns;
        this.counts = counts;
    }

    /**
     * Fits the baseline on sample transitions and transitions inside input windows.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public static MarkovRecommender fit(SampleSet train, int showCount) {
        return fit(train, showCount, true);
    }

    /**
     * Fits the baseline.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @param includeWindowTransitions whether consecutive non-padding window steps count as
     *     transitions too, besides last window show to target
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public static MarkovRecommender fit(
            SampleSet train, int showCount, boolean includeWindowTransitions) {
        float[] backoff = normalizedPopularity(train, showCount);
        LongIntCounter transitions = new LongIntCounter();
        int windowLength = train.windowLength();
        int[] shows = train.shows();
        for (int i = 0; i < train.size(); i++) {
            int start = i * windowLength;
            int previous = IdVocabulary.PADDING;
            for (int step = 0; step < windowLength; step++) {
                int show = MostPopularRecommender.requireShow(shows[start + step], showCount, i);
                if (includeWindowTransitions
                        && previous != IdVocabulary.PADDING
                        && show != IdVocabulary.PADDING) {
                    transitions.increment((long) previous * showCount + show);
                }
                previous = show;
            }
            if (previous != IdVocabulary.PADDING) {
                transitions.increment((long) previous * showCount + train.target(i));
            }
        }
        return fromCounts(showCount, backoff, transitions);
    }

    private static float[] normalizedPopularity(SampleSet train, int showCount) {
        int[] popularity = MostPopularRecommender.countTargets(train, showCount);
        int max = 0;
        for (int count : popularity) {
            max = Math.max(max, count);
        }
        float[] backoff = new float[showCount];
        for (int c = 0; c < showCount && max > 0; c++) {
            backoff[c] = BACKOFF_WEIGHT * popularity[c] / max;
        }
        return backoff;
    }

    private static MarkovRecommender fromCounts(
            int showCount, float[] backoff, LongIntCounter transitions) {
        long[] keys = transitions.sortedKeys();
        int[] rowStart = new int[showCount + 1];
        int[] columns = new int[keys.length];
        int[] counts = new int[keys.length];
        for (int e = 0; e < keys.length; e++) {
            int from = (int) (keys[e] / showCount);
            columns[e] = (int) (keys[e] % showCount);
            counts[e] = transitions.get(keys[e]);
            rowStart[from + 1]++;
        }
        for (int s = 0; s < showCount; s++) {
            rowStart[s + 1] += rowStart[s];
        }
        return new MarkovRecommender(showCount, backoff, rowStart, columns, counts);
    }

    /**
     * Returns the number of transitions recorded from show {@code from} to show {@code to}.
     *
     * @param from the earlier show index
     * @param to the later show index
     * @return the count, 0 if never seen
     * @throws IllegalArgumentException if an index is outside {@code [0, showCount())}
     */
    public int transitionCount(int from, int to) {
        if (from < 0 || from >= showCount || to < 0 || to >= showCount) {
            throw new IllegalArgumentException(
                    "show indices must be in [0, " + showCount + "), found " + from + " -> " + to);
        }
        for (int e = rowStart[from]; e < rowStart[from + 1]; e++) {
            if (columns[e] == to) {
                return counts[e];
            }
        }
        return 0;
    }

    /**
     * Returns the number of distinct (from, to) pairs stored.
     *
     * @return the number of non-zero transition counts
     */
    public int transitionPairCount() {
        return columns.length;
    }

    /**
     * Returns the back-off score of every show index, {@code BACKOFF_WEIGHT * popularity / max
     * popularity}.
     *
     * @return a copy of the back-off scores
     */
    public float[] backoff() {
        return backoff.clone();
    }

    /**
     * Returns every stored transition as three parallel arrays: from-index, to-index and count,
     * ordered by from-index and then to-index.
     *
     * @return {@code {from, to, count}}, copies
     */
    public int[][] transitions() {
        int[] from = new int[columns.length];
        for (int s = 0; s < showCount; s++) {
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                from[e] = s;
            }
        }
        return new int[][] {from, columns.clone(), counts.clone()};
    }

    /**
     * Restores a fitted baseline from {@link #backoff()} and {@link #transitions()}.
     *
     * @param backoff back-off score per show index; its length is the show count
     * @param from from-index of each transition, ordered as {@link #transitions()} returns them
     * @param to to-index of each transition
     * @param counts count of each transition, positive
     * @return the baseline
     * @throws IllegalArgumentException if the arrays differ in length, an index is outside {@code
     *     [0, backoff.length)}, a count is not positive, or the pairs are not strictly ascending
     */
    public static MarkovRecommender of(float[] backoff, int[] from, int[] to, int[] counts) {
        int showCount = backoff.length;
        if (from.length != to.length || from.length != counts.length) {
            throw new IllegalArgumentException(
                    "from, to and counts must have equal lengths, found "
                            + from.length
                            + ", "
                            + to.length
                            + ", "
                            + counts.length);
        }
        int[] rowStart = new int[showCount + 1];
        long previousKey = -1;
        for (int e = 0; e < from.length; e++) {
            if (from[e] < 0 || from[e] >= showCount || to[e] < 0 || to[e] >= showCount) {
                throw new IllegalArgumentException(
                        "transition "
                                + e
                                + " has indices "
                                + from[e]
                                + " -> "
                                + to[e]
                                + ", outside [0, "
                                + showCount
                                + ")");
            }
            if (counts[e] <= 0) {
                throw new IllegalArgumentException(
                        "transition " + e + " must have a positive count, found " + counts[e]);
            }
            long key = (long) from[e] * showCount + to[e];
            if (key <= previousKey) {
                throw new IllegalArgumentException(
                        "transitions must be strictly ascending by from and to, found "
                                + from[e]
                                + " -> "
                                + to[e]
                                + " at position "
                                + e);
            }
            previousKey = key;
            rowStart[from[e] + 1]++;
        }
        for (int s = 0; s < showCount; s++) {
            rowStart[s + 1] += rowStart[s];
        }
        return new MarkovRecommender(
                showCount, backoff.clone(), rowStart, to.clone(), counts.clone());
    }

    @Override
    public String name() {
        return "markov";
    }

    @Override
    public int showCount() {
        return showCount;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the last window show of a sample is outside {@code [0,
     *     showCount())}
     */
    @Override
    public void score(SampleSet samples, int from, int to, float[][] out) {
        int windowLength = samples.windowLength();
        for (int i = from; i < to; i++) {
            float[] row = out[i - from];
            System.arraycopy(backoff, 0, row, 0, showCount);
            int last = samples.show(i, windowLength - 1);
            if (last < 0 || last >= showCount) {
                throw new IllegalArgumentException(
                        "sample "
                                + i
                                + " has last show "
                                + last
                                + ", outside the "
                                + showCount
                                + " show indices this baseline was fitted on");
            }
            for (int e = rowStart[last]; e < rowStart[last + 1]; e++) {
                row[columns[e]] += counts[e];
            }
        }
    }
}
