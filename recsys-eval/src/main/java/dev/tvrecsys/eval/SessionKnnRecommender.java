package dev.tvrecsys.eval;

import dev.tvrecsys.data.SampleSet;
import java.util.Arrays;

/**
 * Session-based k-nearest-neighbours baseline (SKNN), with an optional recency-weighted variant
 * (V-SKNN).
 *
 * <p>Each training sample is one session: the distinct shows of its input window and its target,
 * without padding and {@link dev.tvrecsys.data.IdVocabulary#UNKNOWN}. For a query window with the
 * distinct show set A, every session B that shares a show is a candidate, with similarity
 *
 * <pre>
 *   sim(A, B) = sum over s in A and B of w(s) / sqrt(|A| * |B|)
 * </pre>
 *
 * <p>SKNN uses {@code w(s) = 1}, which is the cosine of the binary show vectors. V-SKNN uses {@code
 * w(s) = j / L}, where L is the number of non-padding steps of the query window and j the position
 * of the newest occurrence of s, from 1 at the oldest step to L at the newest. The {@code
 * neighbours} most similar candidates become neighbours, and ties go to the session with the newer
 * target time and then to the lower sample index. The score of a show is the sum of the
 * similarities of the neighbours that contain it, so shows outside every neighbour score 0.
 *
 * <p>For speed, candidates are drawn per query show from at most {@code sampleSize} sessions that
 * contain it, the ones with the newest target times. The inverted index from show to sessions is
 * stored as int arrays sorted by recency, so taking the newest sessions costs no sorting at query
 * time.
 *
 * <p>An instance is safe to share between threads, because {@link #score} allocates its buffers per
 * call.
 */
public final class SessionKnnRecommender implements Recommender {

    /** Default number of neighbours. */
    public static final int DEFAULT_NEIGHBOURS = 100;

    /** Default number of newest sessions drawn per query show. */
    public static final int DEFAULT_SAMPLE_SIZE = 1000;

    private final int showCount;
    private final int neighbours;
    private final int sampleSize;
    private final boolean recencyWeighted;

    // Sessions renumbered by recency, 0 the newest: shows of session r are
    // sessionItems[sessionStart[r]..sessionStart[r+1]-1].
    private final int[] sessionStart;
    private final int[] sessionItems;

    // Inverted index: sessions containing show s are itemSessions[itemStart[s]..itemStart[s+1]-1],
    // ascending, which is newest first.
    private final int[] itemStart;
    private final int[] itemSessions;

    private SessionKnnRecommender(
            int showCount,
            int neighbours,
            int sampleSize,
            boolean recencyWeighted,
            int[] sessionStart,
            int[] sessionItems,
            int[] itemStart,
            int[] itemSessions) {
        this.showCount = showCount;
        this.neighbours = neighbours;
        this.sampleSize = sampleSize;
        this.recencyWeighted = recencyWeighted;
        this.sessionStart = sessionStart;
        this.sessionItems = sessionItems;
        this.itemStart = itemStart;
        this.itemSessions = itemSessions;
    }

    /**
     * Fits SKNN with {@link #DEFAULT_NEIGHBOURS} neighbours and {@link #DEFAULT_SAMPLE_SIZE}
     * sessions per query show.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @return the fitted baseline
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    public static SessionKnnRecommender fit(SampleSet train, int showCount) {
        return fit(train, showCount, DEFAULT_NEIGHBOURS, DEFAULT_SAMPLE_SIZE, false);
    }

    /**
     * Fits SKNN or V-SKNN.
     *
     * @param train training samples, all with a target
     * @param showCount the show vocabulary size, padding and unknown included
     * @param neighbours number of most similar sessions that vote, positive
     * @param sampleSize number of newest sessions drawn per query show, positive
     * @param recencyWeighted true for V-SKNN, which weights query shows by their position
     * @return the fitted baseline
     * @throws IllegalArgumentException if a count is not positive, a sample has no target, or a
     *     target or window show is outside {@code [0, showCount)}
     */
    public static SessionKnnRecommender fit(
            SampleSet train,
            int showCount,
            int neighbours,
            int sampleSize,
            boolean recencyWeighted) {
        if (neighbours <= 0) {
            throw new IllegalArgumentException("neighbours must be positive, found " + neighbours);
        }
        if (sampleSize <= 0) {
            throw new IllegalArgumentException("sampleSize must be positive, found " + sampleSize);
        }
        ItemSets sets = ItemSets.of(train, showCount);
        int sessions = sets.size();
        int[] byRecency = recencyOrder(train);

        int[] sessionStart = new int[sessions + 1];
        int[] sessionItems = new int[sets.items.length];
        int[] itemStart = new int[showCount + 1];
        for (int r = 0; r < sessions; r++) {
            int sample = byRecency[r];
            int length = sets.length(sample);
            System.arraycopy(sets.items, sets.start[sample], sessionItems, sessionStart[r], length);
            sessionStart[r + 1] = sessionStart[r] + length;
            for (int p = sets.start[sample]; p < sets.start[sample + 1]; p++) {
                itemStart[sets.items[p] + 1]++;
            }
        }
        for (int s = 0; s < showCount; s++) {
            itemStart[s + 1] += itemStart[s];
        }

        // Filling sessions in recency order leaves every posting list newest first.
        int[] itemSessions = new int[sessionItems.length];
        int[] next = Arrays.copyOf(itemStart, showCount);
        for (int r = 0; r < sessions; r++) {
            for (int p = sessionStart[r]; p < sessionStart[r + 1]; p++) {
                itemSessions[next[sessionItems[p]]++] = r;
            }
        }
        return new SessionKnnRecommender(
                showCount,
                neighbours,
                sampleSize,
                recencyWeighted,
                sessionStart,
                sessionItems,
                itemStart,
                itemSessions);
    }

    /** Returns sample indices ordered by target time, newest first, then by index. */
    private static int[] recencyOrder(SampleSet train) {
        int n = train.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int byTime = Long.compare(train.targetTime(b), train.targetTime(a));
                    return byTime != 0 ? byTime : Integer.compare(a, b);
                });
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = order[i];
        }
        return result;
    }

    @Override
    public String name() {
        return recencyWeighted ? "v-sknn" : "sknn";
    }

    @Override
    public int showCount() {
        return showCount;
    }

    /** Returns the number of sessions, one per training sample. */
    public int sessionCount() {
        return sessionStart.length - 1;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a window show is outside {@code [0, showCount())}
     */
    @Override
    public void score(SampleSet samples, int from, int to, float[][] out) {
        WindowShows query = new WindowShows(showCount);
        boolean[] isCandidate = new boolean[sessionCount()];
        int[] candidates = new int[16];
        for (int i = from; i < to; i++) {
            float[] row = out[i - from];
            Arrays.fill(row, 0, showCount, 0f);
            if (recencyWeighted) {
                query.loadWithLinearPosition(samples, i);
            } else {
                query.loadWithDecay(samples, i, 1f);
            }
            if (query.count() == 0) {
                continue;
            }

            int candidateCount = 0;
            for (int j = 0; j < query.count(); j++) {
                int show = query.show(j);
                int end = Math.min(itemStart[show + 1], itemStart[show] + sampleSize);
                for (int p = itemStart[show]; p < end; p++) {
                    int session = itemSessions[p];
                    if (!isCandidate[session]) {
                        isCandidate[session] = true;
                        if (candidateCount == candidates.length) {
                            candidates = Arrays.copyOf(candidates, candidateCount * 2);
                        }
                        candidates[candidateCount++] = session;
                    }
                }
            }

            long[] best = selectNeighbours(query, candidates, candidateCount);
            for (int c = 0; c < candidateCount; c++) {
                isCandidate[candidates[c]] = false;
            }
            for (long key : best) {
                float similarity = Float.intBitsToFloat((int) (key >>> 32));
                int session = Integer.MAX_VALUE - (int) key;
                for (int p = sessionStart[session]; p < sessionStart[session + 1]; p++) {
                    row[sessionItems[p]] += similarity;
                }
            }
        }
    }

    /**
     * Returns the keys of the up to {@code neighbours} most similar candidates, in no particular
     * order. A key's high 32 bits are the similarity's float bits, which order like the value
     * because every similarity is positive. Its low 32 bits are {@code MAX_VALUE - session}, so
     * among equal similarities the newer session, which has the lower number, has the larger key.
     */
    private long[] selectNeighbours(WindowShows query, int[] candidates, int candidateCount) {
        int capacity = Math.min(neighbours, candidateCount);
        // Min-heap of the best keys so far, so the root is the weakest neighbour kept.
        long[] heap = new long[capacity];
        int size = 0;
        for (int c = 0; c < candidateCount; c++) {
            int session = candidates[c];
            float overlap = 0;
            for (int p = sessionStart[session]; p < sessionStart[session + 1]; p++) {
                overlap += query.weight(sessionItems[p]);
            }
            int length = sessionStart[session + 1] - sessionStart[session];
            float similarity = (float) (overlap / Math.sqrt((double) query.count() * length));
            long key =
                    ((long) Float.floatToIntBits(similarity) << 32) | (Integer.MAX_VALUE - session);
            if (size < capacity) {
                heap[size] = key;
                siftUp(heap, size);
                size++;
            } else if (key > heap[0]) {
                heap[0] = key;
                siftDown(heap, size);
            }
        }
        return heap;
    }

    private static void siftUp(long[] heap, int position) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (heap[parent] <= heap[child]) {
                return;
            }
            swap(heap, parent, child);
            child = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int parent = 0;
        while (true) {
            int smallest = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && heap[left] < heap[smallest]) {
                smallest = left;
            }
            if (right < size && heap[right] < heap[smallest]) {
                smallest = right;
            }
            if (smallest == parent) {
                return;
            }
            swap(heap, parent, smallest);
            parent = smallest;
        }
    }

    private static void swap(long[] heap, int i, int j) {
        long swap = heap[i];
        heap[i] = heap[j];
        heap[j] = swap;
    }
}
