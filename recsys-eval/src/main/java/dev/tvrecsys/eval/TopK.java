package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import java.util.Arrays;

/**
 * Partial selection of the indices with the k highest scores in a score row.
 *
 * <p>Indices {@link IdVocabulary#PADDING} and {@link IdVocabulary#UNKNOWN} are never selected.
 * Equal scores rank the lower index first, and NaN ranks below every other score, so the result is
 * deterministic. Selection keeps a binary min-heap of the k best candidates and takes {@code O(n
 * log k)} time for a row of length n, without boxing.
 *
 * <p>An instance reuses its heap and exclusion buffers, so it is not thread-safe. Use one instance
 * per thread.
 */
public final class TopK {

    /** Value written to output slots that have no candidate left to fill them. */
    public static final int EMPTY = -1;

    private final int k;
    private final int[] heap;
    private boolean[] excludedMask = new boolean[0];

    /**
     * Creates a selector for the top {@code k} indices.
     *
     * @param k the number of indices to select
     * @throws IllegalArgumentException if {@code k} is not positive
     */
    public TopK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, found " + k);
        }
        this.k = k;
        this.heap = new int[k];
    }

    /**
     * Returns the number of indices selected per row.
     *
     * @return k
     */
    public int k() {
        return k;
    }

    /**
     * Selects the top k indices of {@code scores}, best first.
     *
     * @param scores one score per index
     * @param out receives the selected indices in {@code out[0..k-1]}, best first, and {@link
     *     #EMPTY} in slots that no eligible index fills
     * @return the number of indices selected, which is less than k only when fewer than k indices
     *     are eligible
     * @throws IllegalArgumentException if {@code out} is shorter than k
     */
    public int select(float[] scores, int[] out) {
        return select(scores, (boolean[]) null, out);
    }

    /**
     * Selects the top k indices of {@code scores} that are not marked in {@code excluded}.
     *
     * @param scores one score per index
     * @param excluded {@code excluded[i] == true} removes index {@code i} from the ranking. A null
     *     or shorter array excludes nothing beyond its length
     * @param out receives the selected indices, best first, and {@link #EMPTY} in unfilled slots
     * @return the number of indices selected
     * @throws IllegalArgumentException if {@code out} is shorter than k
     */
    public int select(float[] scores, boolean[] excluded, int[] out) {
        if (out.length < k) {
            throw new IllegalArgumentException(
                    "out must have length at least k = " + k + ", found " + out.length);
        }
        int size = 0;
        int maskLength = excluded == null ? 0 : excluded.length;
        for (int i = IdVocabulary.RESERVED; i < scores.length; i++) {
            if (i < maskLength && excluded[i]) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(scores, size);
                size++;
            } else if (ranksBefore(scores, i, heap[0])) {
                heap[0] = i;
                siftDown(scores, 0, size);
            }
        }
        drainBestFirst(scores, size, out);
        return size;
    }

    /**
     * Selects the top k indices of {@code scores} that are not in {@code excluded[from..to-1]}.
     * This suits short exclusion lists such as the shows of one input window.
     *
     * @param scores one score per index
     * @param excluded indices to remove from the ranking; values outside {@code [0, scores.length)}
     *     are ignored
     * @param from the first position of {@code excluded} to use, inclusive
     * @param to the last position of {@code excluded} to use, exclusive
     * @param out receives the selected indices, best first, and {@link #EMPTY} in unfilled slots
     * @return the number of indices selected
     * @throws IllegalArgumentException if {@code out} is shorter than k
     */
    public int select(float[] scores, int[] excluded, int from, int to, int[] out) {
        if (excludedMask.length < scores.length) {
            excludedMask = new boolean[scores.length];
        }
        for (int p = from; p < to; p++) {
            int index = excluded[p];
            if (index >= 0 && index < scores.length) {
                excludedMask[index] = true;
            }
        }
        try {
            return select(scores, excludedMask, out);
        } finally {
            for (int p = from; p < to; p++) {
                int index = excluded[p];
                if (index >= 0 && index < scores.length) {
                    excludedMask[index] = false;
                }
            }
        }
    }

    /**
     * Returns the top {@code k} indices of {@code scores}, best first, in a new array.
     *
     * @param scores one score per index
     * @param k the number of indices to select
     * @return an array of length k, padded with {@link #EMPTY} when fewer indices are eligible
     * @throws IllegalArgumentException if {@code k} is not positive
     */
    public static int[] top(float[] scores, int k) {
        int[] out = new int[k > 0 ? k : 1];
        new TopK(k).select(scores, out);
        return out;
    }

    /**
     * Returns whether index {@code a} ranks before index {@code b}: a higher score first, NaN last,
     * and the lower index first among equal scores.
     */
    static boolean ranksBefore(float[] scores, int a, int b) {
        float scoreA = scores[a];
        float scoreB = scores[b];
        if (scoreA > scoreB) {
            return true;
        }
        if (scoreA < scoreB) {
            return false;
        }
        boolean nanA = Float.isNaN(scoreA);
        boolean nanB = Float.isNaN(scoreB);
        if (nanA != nanB) {
            return nanB;
        }
        return a < b;
    }

    // The heap root is the worst kept candidate, so one comparison decides whether a new index
    // enters.
    private void siftUp(float[] scores, int position) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (!ranksBefore(scores, heap[parent], heap[child])) {
                break;
            }
            swap(parent, child);
            child = parent;
        }
    }

    private void siftDown(float[] scores, int position, int size) {
        int parent = position;
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && ranksBefore(scores, heap[worst], heap[left])) {
                worst = left;
            }
            if (right < size && ranksBefore(scores, heap[worst], heap[right])) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(parent, worst);
            parent = worst;
        }
    }

    private void drainBestFirst(float[] scores, int size, int[] out) {
        Arrays.fill(out, size, k, EMPTY);
        for (int remaining = size; remaining > 0; remaining--) {
            out[remaining - 1] = heap[0];
            heap[0] = heap[remaining - 1];
            siftDown(scores, 0, remaining - 1);
        }
    }

    private void swap(int i, int j) {
        int tmp = heap[i];
        heap[i] = heap[j];
        heap[j] = tmp;
    }
}
