package dev.tvrecsys.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A mapping from external integer ids (show ids) to dense model indices.
 *
 * <p>Index {@value #PADDING} is padding and index {@value #UNKNOWN} stands for every id that was
 * not seen when the vocabulary was built, so an unseen id never becomes padding. Known ids take the
 * indices from 2 on, in ascending id order, which makes the mapping independent of the order in
 * which the data was read.
 */
public final class IdVocabulary {

    /** Index of left padding in input windows. */
    public static final int PADDING = 0;

    /** Index of ids that were not in the data the vocabulary was built from. */
    public static final int UNKNOWN = 1;

    /** Number of reserved indices before the first known id. */
    public static final int RESERVED = 2;

    private final int[] ids;
    private final Map<Integer, Integer> indexById;

    private IdVocabulary(int[] sortedDistinctIds) {
        this.ids = sortedDistinctIds;
        this.indexById = new HashMap<>(sortedDistinctIds.length * 2);
        for (int i = 0; i < sortedDistinctIds.length; i++) {
            indexById.put(sortedDistinctIds[i], i + RESERVED);
        }
    }

    /**
     * Builds a vocabulary of the distinct values in {@code ids}.
     *
     * @param ids external ids, in any order and with repeats
     * @return the vocabulary
     */
    public static IdVocabulary fit(int[] ids) {
        int[] distinct = Arrays.stream(ids).distinct().sorted().toArray();
        return new IdVocabulary(distinct);
    }

    /**
     * Restores a vocabulary from the known ids in index order, as returned by {@link #knownIds()}.
     *
     * @param knownIds distinct ids in ascending order
     * @return the vocabulary
     * @throws IllegalArgumentException if the ids are not strictly ascending
     */
    public static IdVocabulary ofKnownIds(int[] knownIds) {
        for (int i = 1; i < knownIds.length; i++) {
            if (knownIds[i] <= knownIds[i - 1]) {
                throw new IllegalArgumentException(
                        "known ids must be strictly ascending, found "
                                + knownIds[i - 1]
                                + " before "
                                + knownIds[i]
                                + " at position "
                                + i);
            }
        }
        return new IdVocabulary(knownIds.clone());
    }

    /** Returns the model index of {@code id}, or {@link #UNKNOWN} if it was not seen. */
    public int index(int id) {
        Integer index = indexById.get(id);
        return index == null ? UNKNOWN : index;
    }

    /** Returns whether {@code id} has an index of its own. */
    public boolean contains(int id) {
        return indexById.containsKey(id);
    }

    /**
     * Returns the external id at a model index.
     *
     * @param index an index from {@link #RESERVED} to {@code size() - 1}
     * @return the external id
     * @throws IllegalArgumentException for padding, unknown or out-of-range indices
     */
    public int id(int index) {
        if (index < RESERVED || index >= size()) {
            throw new IllegalArgumentException(
                    "index must be in [" + RESERVED + ", " + size() + "), found " + index);
        }
        return ids[index - RESERVED];
    }

    /** Returns the number of indices, padding and unknown included. */
    public int size() {
        return ids.length + RESERVED;
    }

    /** Returns a copy of the known ids in index order. */
    public int[] knownIds() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdVocabulary && Arrays.equals(ids, ((IdVocabulary) other).ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdVocabulary[" + ids.length + " ids + padding + unknown]";
    }
}
