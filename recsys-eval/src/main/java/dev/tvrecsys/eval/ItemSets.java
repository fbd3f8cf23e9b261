package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import java.util.Arrays;

/**
 * The distinct shows of every training sample, its input window and its target together, in
 * compressed sparse rows. Padding and {@link IdVocabulary#UNKNOWN} are left out, because a shared
 * padding or unknown index is no evidence of shared taste.
 */
final class ItemSets {

    /** Shows of sample {@code i} are {@code items[start[i]..start[i+1]-1]}, ascending. */
    final int[] start;

    final int[] items;

    private ItemSets(int[] start, int[] items) {
        this.start = start;
        this.items = items;
    }

    /**
     * Collects the item set of every sample.
     *
     * @throws IllegalArgumentException if a sample has no target, or a target or window show is
     *     outside {@code [0, showCount)}
     */
    static ItemSets of(SampleSet train, int showCount) {
        MostPopularRecommender.countTargets(train, showCount);
        int windowLength = train.windowLength();
        int[] start = new int[train.size() + 1];
        int[] items = new int[Math.max(16, train.size() * 4)];
        int[] buffer = new int[windowLength + 1];
        int size = 0;
        for (int i = 0; i < train.size(); i++) {
            int count = 0;
            for (int step = 0; step < windowLength; step++) {
                int show = MostPopularRecommender.requireShow(train.show(i, step), showCount, i);
                if (show >= IdVocabulary.RESERVED) {
                    buffer[count++] = show;
                }
            }
            if (train.target(i) >= IdVocabulary.RESERVED) {
                buffer[count++] = train.target(i);
            }
            Arrays.sort(buffer, 0, count);
            if (items.length < size + count) {
                items = Arrays.copyOf(items, Math.max(items.length * 2, size + count));
            }
            for (int j = 0; j < count; j++) {
                if (j == 0 || buffer[j] != buffer[j - 1]) {
                    items[size++] = buffer[j];
                }
            }
            start[i + 1] = size;
        }
        return new ItemSets(start, Arrays.copyOf(items, size));
    }

    int size() {
        return start.length - 1;
    }

    int length(int set) {
        return start[set + 1] - start[set];
    }
}
