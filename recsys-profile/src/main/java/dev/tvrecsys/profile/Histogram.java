package dev.tvrecsys.profile;

import java.util.Arrays;

/**
 * Counts in bins of equal width; the last bin is open-ended.
 *
 * <p>Bin {@code k} contains the values in {@code [lowerBound + k * binWidth, lowerBound + (k + 1) *
 * binWidth)}, except the last bin, which contains every value from its lower bound upwards.
 *
 * @param lowerBound the smallest value of the first bin
 * @param binWidth the width of each bin, positive
 * @param counts the number of values in each bin
 */
public record Histogram(int lowerBound, int binWidth, long[] counts) {

    /**
     * Creates a histogram, copying {@code counts}.
     *
     * @throws IllegalArgumentException if {@code binWidth} is not positive or there are no bins
     */
    public Histogram {
        if (binWidth <= 0) {
            throw new IllegalArgumentException("binWidth must be positive, found " + binWidth);
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("counts must have at least one bin");
        }
        counts = counts.clone();
    }

    /** Returns a copy of the counts per bin. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Returns the number of bins. */
    public int binCount() {
        return counts.length;
    }

    /** Returns the count of bin {@code k}. */
    public long count(int k) {
        return counts[k];
    }

    /** Returns the smallest value of bin {@code k}. */
    public int binStart(int k) {
        return lowerBound + k * binWidth;
    }

    /** Returns the sum of all bins. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h
                && lowerBound == h.lowerBound
                && binWidth == h.binWidth
                && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * lowerBound + binWidth) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[from "
                + lowerBound
                + " by "
                + binWidth
                + ": "
                + Arrays.toString(counts)
                + "]";
    }
}
