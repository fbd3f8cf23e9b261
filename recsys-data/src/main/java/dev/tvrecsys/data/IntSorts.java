package dev.tvrecsys.data;

/** Sorting of primitive index arrays without boxing. */
final class IntSorts {

    /** Compares two ints, as {@link java.util.Comparator} does for objects. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION_THRESHOLD = 16;

    private IntSorts() {}

    /**
     * Sorts {@code values} by {@code comparator}, keeping equal elements in their input order. This
     * is a top-down merge sort: O(n log n) time and one extra array of length n.
     */
    static void stableSort(int[] values, IntComparator comparator) {
        int[] buffer = values.clone();
        mergeSort(buffer, values, 0, values.length, comparator);
    }

    /** Sorts {@code source[from, to)} into {@code target[from, to)}; both start equal. */
    private static void mergeSort(
            int[] source, int[] target, int from, int to, IntComparator comparator) {
        int length = to - from;
        if (length <= INSERTION_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                int value = target[i];
                int j = i - 1;
                while (j >= from && comparator.compare(target[j], value) > 0) {
                    target[j + 1] = target[j];
                    j--;
                }
                target[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(target, source, from, middle, comparator);
        mergeSort(target, source, middle, to, comparator);
        if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, from, target, from, length);
            return;
        }
        int left = from;
        int right = middle;
        for (int out = from; out < to; out++) {
            if (right >= to
                    || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
                target[out] = source[left++];
            } else {
                target[out] = source[right++];
            }
        }
    }
}
