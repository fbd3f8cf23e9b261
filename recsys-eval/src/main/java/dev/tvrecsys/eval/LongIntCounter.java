package dev.tvrecsys.eval;

import java.util.Arrays;

/**
 * Counter of non-negative long keys in an open-addressing hash table with linear probing, so that
 * sparse pair counts need no boxing.
 */
final class LongIntCounter {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] counts;
    private int size;

    LongIntCounter() {
        keys = new long[64];
        counts = new int[64];
        Arrays.fill(keys, EMPTY);
    }

    /**
     * Adds one to the count of {@code key}.
     *
     * @throws IllegalArgumentException if {@code key} is negative
     */
    void increment(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("key must be non-negative, found " + key);
        }
        int slot = find(keys, key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
            if (size * 2 > keys.length) {
                grow();
                slot = find(keys, key);
            }
        }
        counts[slot]++;
    }

    /** Returns the count of {@code key}, 0 if it was never incremented. */
    int get(long key) {
        int slot = find(keys, key);
        return keys[slot] == EMPTY ? 0 : counts[slot];
    }

    /** Returns the number of distinct keys. */
    int size() {
        return size;
    }

    /** Returns the distinct keys in ascending order. */
    long[] sortedKeys() {
        long[] result = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                result[n++] = key;
            }
        }
        Arrays.sort(result);
        return result;
    }

    // The table is never more than half full, so a probe always reaches an empty slot.
    private static int find(long[] table, long key) {
        int mask = table.length - 1;
        int slot = mix(key) & mask;
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
