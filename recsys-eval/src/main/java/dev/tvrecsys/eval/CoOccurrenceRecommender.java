package dev.tvrecsys.eval;

import dev.tvrecsys.data.SampleSet;
import java.util.Arrays;

/**
 * Item-to-item co-occurrence baseline: shows are scored by how often they appeared together with
 * the shows of the query window in training samples.
 *
 * <p>The item set of a training sample is the distinct shows of its input window and its target,
 * without padding and {@link dev.tvrecsys.data.IdVocabulary#UNKNOWN}. {@code cooc(a, b)} is the
 * number of training samples whose item set contains both a and b, for {@code a != b}. The score of
 * show c for a query window is
 *
 * <pre>
 *   score(c) = sum over distinct window shows s, s != c, of decay^age(s) * cooc(s, c)
 * </pre>
 *
 * where {@code age(s)} is the number of steps from the newest occurrence of s to the last step. A
 * show never co-occurring with the window scores 0, and {@link TopK} orders those by index. Counts
 * are stored as symmetric compressed sparse rows, not as a dense {@code showCount x showCount}
 * matrix. Memory grows with the number of distinct pairs, at most {@code n * (n - 1) / 2} per
 * training sample with n distinct shows. While fitting, the pair hash table takes 24 to 48 bytes
 * per distinct pair, because it is kept between a quarter and half full.
 */
public final class CoOccurrenceRecommender implements Recommender {

    /** Default decay per step of age. NOTE: a plausible value, not tuned on any data set. */
    public static final float DEFAULT_DECAY = 0.8f;

    private final int showCount;
    private final float decay;

    // Symmetric compressed sparse rows: shows co-occurring with s are
    // columns[rowStart[s]..rowStart[s+1]-1], ascending, with their counts.
    private final int[] rowStart;
    private final int[] columns;
    private final int[] counts;

    private CoOccurrenceRecommender(
            int showCount, float decay, int[] rowStart, int[] columns, int[] counts) {
        this.showCount = showCount;
        this.decay = decay;
        this.rowStart = rowStart;
        this.columns = columns;
        this.counts = counts;
    }

    /**
     * Fits the co-occurrence counts with {@link #DEFAULT_DECAY}.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public static CoOccurrenceRecommender fit(SampleSet train, int showCount) {
        return fit(train, showCount, DEFAULT_DECAY);
    }

    /**
     * Fits the co-occurrence counts.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @param decay weight factor per step of age of a window show, in (0, 1]
     * @return the fitted baseline
     * @throws IllegalArgumentException if {@code decay} is out of range, a sample has no target, or
     *     a target or window show is outside {@code [0, showCount)}
     */
    public static CoOccurrenceRecommender fit(SampleSet train, int showCount, float decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1], found " + decay);
        }
        ItemSets sets = ItemSets.of(train, showCount);
        LongIntCounter pairs = new LongIntCounter();
        for (int set = 0; set < sets.size(); set++) {
            for (int p = sets.start[set]; p < sets.start[set + 1]; p++) {
                for (int q = p + 1; q < sets.start[set + 1]; q++) {
                    // Items are ascending, so each unordered pair has one key (smaller, larger).
                    pairs.increment((long) sets.items[p] * showCount + sets.items[q]);
                }
            }
        }

        long[] keys = pairs.sortedKeys();
        int[] rowStart = new int[showCount + 1];
        for (long key : keys) {
            rowStart[(int) (key / showCount) + 1]++;
            rowStart[(int) (key % showCount) + 1]++;
        }
        for (int s = 0; s < showCount; s++) {
            rowStart[s + 1] += rowStart[s];
        }
        int[] columns = new int[keys.length * 2];
        int[] counts = new int[keys.length * 2];
        int[] next = Arrays.copyOf(rowStart, showCount);
        // Keys ascend by (smaller, larger). Each row receives first its smaller partners, from
        // keys whose larger show it is, in ascending order, and then its larger partners.
        for (long key : keys) {
            int smaller = (int) (key / showCount);
            int larger = (int) (key % showCount);
            int count = pairs.get(key);
            columns[next[larger]] = smaller;
            counts[next[larger]++] = count;
        }
        for (long key : keys) {
            int smaller = (int) (key / showCount);
            int larger = (int) (key % showCount);
            columns[next[smaller]] = larger;
            counts[next[smaller]++] = pairs.get(key);
        }
        return new CoOccurrenceRecommender(showCount, decay, rowStart, columns, counts);
    }

    /**
     * Returns the number of training samples whose item set contains both shows.
     *
     * @param a a show index
     * @param b another show index
     * @return the count, 0 when {@code a == b}
     * @throws IllegalArgumentException if an index is outside {@code [0, showCount())}
     */
    public int coOccurrenceCount(int a, int b) {
        if (a < 0 || a >= showCount || b < 0 || b >= showCount) {
            throw new IllegalArgumentException(
                    "show indices must be in [0, " + showCount + "), found " + a + " and " + b);
        }
        int position = Arrays.binarySearch(columns, rowStart[a], rowStart[a + 1], b);
        return position >= 0 ? counts[position] : 0;
    }

    /** Returns the number of distinct unordered show pairs with a count. */
    public int pairCount() {
        return columns.length / 2;
    }

    @Override
    public String name() {
        return "co-occurrence";
    }

    @Override
    public int showCount() {
        return showCount;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a window show is outside {@code [0, showCount())}
     */
    @Override
    public void score(SampleSet samples, int from, int to, float[][] out) {
        WindowShows window = new WindowShows(showCount);
        for (int i = from; i < to; i++) {
            float[] row = out[i - from];
            Arrays.fill(row, 0, showCount, 0f);
            window.loadWithDecay(samples, i, decay);
            for (int j = 0; j < window.count(); j++) {
                int show = window.show(j);
                float weight = window.weight(show);
                for (int e = rowStart[show]; e < rowStart[show + 1]; e++) {
                    row[columns[e]] += weight * counts[e];
                }
            }
        }
    }
}
