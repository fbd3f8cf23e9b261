package dev.tvrecsys.data;

import java.util.Arrays;

/**
 * Fixed-length input windows with their next-show targets, stored in flat primitive arrays.
 *
 * <p>Sample {@code i} occupies positions {@code i * windowLength} to {@code (i + 1) * windowLength
 * - 1} of {@link #shows()}, {@link #assets()} and {@link #minutes()}, oldest event first; shorter
 * histories are left-padded with show and asset index {@value IdVocabulary#PADDING} and 0 minutes.
 * Shows and assets are vocabulary indices, minutes are raw watch minutes. Targets are show
 * vocabulary indices, or {@link #NO_TARGET} for inference windows. Each sample also records its
 * viewer id, the external id of its target show and the history position and time of its target, so
 * that splits and evaluations can be checked for leakage.
 */
public final class SampleSet {

    /** Target value of an inference window, which has no next show yet. */
    public static final int NO_TARGET = -1;

    private final int windowLength;
    private final int size;
    private final int[] shows;
    private final int[] assets;
    private final float[] minutes;
    private final int[] targets;
    private final int[] targetShowIds;
    private final int[] viewerIds;
    private final long[] targetTimes;

    /**
     * Creates a sample set over the given arrays, which it takes ownership of.
     *
     * @throws IllegalArgumentException if the array lengths do not agree
     */
    public SampleSet(
            int windowLength,
            int[] shows,
            int[] assets,
            float[] minutes,
            int[] targets,
            int[] targetShowIds,
            int[] viewerIds,
            long[] targetTimes) {
        if (windowLength <= 0) {
            throw new IllegalArgumentException(
                    "windowLength must be positive, found " + windowLength);
        }
        this.windowLength = windowLength;
        this.size = targets.length;
        requireLength("shows", shows.length, (long) size * windowLength);
        requireLength("assets", assets.length, (long) size * windowLength);
        requireLength("minutes", minutes.length, (long) size * windowLength);
        requireLength("targetShowIds", targetShowIds.length, size);
        requireLength("viewerIds", viewerIds.length, size);
        requireLength("targetTimes", targetTimes.length, size);
        this.shows = shows;
        this.assets = assets;
        this.minutes = minutes;
        this.targets = targets;
        this.targetShowIds = targetShowIds;
        this.viewerIds = viewerIds;
        this.targetTimes = targetTimes;
    }

    private static void requireLength(String name, int actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    name + " must have length " + expected + ", found " + actual);
        }
    }

    /** Returns the number of samples. */
    public int size() {
        return size;
    }

    /** Returns the number of events in each input window. */
    public int windowLength() {
        return windowLength;
    }

    /** Returns the flat show index array; callers must not modify it. */
    public int[] shows() {
        return shows;
    }

    /** Returns the flat asset type index array; callers must not modify it. */
    public int[] assets() {
        return assets;
    }

    /** Returns the flat raw watch minutes array; callers must not modify it. */
    public float[] minutes() {
        return minutes;
    }

    /** Returns the target show index of every sample; callers must not modify it. */
    public int[] targets() {
        return targets;
    }

    /** Returns the target show index of sample {@code i}, or {@link #NO_TARGET}. */
    public int target(int i) {
        return targets[i];
    }

    /** Returns the external id of the target show of sample {@code i}, or {@link #NO_TARGET}. */
    public int targetShowId(int i) {
        return targetShowIds[i];
    }

    /** Returns the viewer id of sample {@code i}. */
    public int viewerId(int i) {
        return viewerIds[i];
    }

    /** Returns the time of the target event of sample {@code i}, or of its last input event. */
    public long targetTime(int i) {
        return targetTimes[i];
    }

    /** Returns the show index at step {@code step} of sample {@code i}. */
    public int show(int i, int step) {
        return shows[i * windowLength + step];
    }

    /**
     * Returns a new set with the samples at {@code indices}, in that order.
     *
     * @param indices sample indices, each in [0, size())
     * @return the subset, with copied arrays
     */
    public SampleSet subset(int[] indices) {
        int n = indices.length;
        int[] subShows = new int[n * windowLength];
        int[] subAssets = new int[n * windowLength];
        float[] subMinutes = new float[n * windowLength];
        int[] subTargets = new int[n];
        int[] subTargetIds = new int[n];
        int[] subViewers = new int[n];
        long[] subTimes = new long[n];
        for (int j = 0; j < n; j++) {
            int i = indices[j];
            System.arraycopy(shows, i * windowLength, subShows, j * windowLength, windowLength);
            System.arraycopy(assets, i * windowLength, subAssets, j * windowLength, windowLength);
            System.arraycopy(minutes, i * windowLength, subMinutes, j * windowLength, windowLength);
            subTargets[j] = targets[i];
            subTargetIds[j] = targetShowIds[i];
            subViewers[j] = viewerIds[i];
            subTimes[j] = targetTimes[i];
        }
        return new SampleSet(
                windowLength,
                subShows,
                subAssets,
                subMinutes,
                subTargets,
                subTargetIds,
                subViewers,
                subTimes);
    }

    /** Returns the number of non-padding steps of sample {@code i}. */
    public int historyLength(int i) {
        int count = 0;
        for (int step = 0; step < windowLength; step++) {
            if (shows[i * windowLength + step] != IdVocabulary.PADDING) {
                count++;
            }
        }
        return count;
    }

    /** Returns the approximate heap size of the arrays in bytes. */
    public long heapBytes() {
        return (long) size * windowLength * 12 + (long) size * 20;
    }

    @Override
    public String toString() {
        return "SampleSet[" + size + " samples x " + windowLength + " steps]";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SampleSet)) {
            return false;
        }
        SampleSet that = (SampleSet) other;
        return windowLength == that.windowLength
                && Arrays.equals(shows, that.shows)
                && Arrays.equals(assets, that.assets)
                && Arrays.equals(minutes, that.minutes)
                && Arrays.equals(targets, that.targets)
                && Arrays.equals(targetShowIds, that.targetShowIds)
                && Arrays.equals(viewerIds, that.viewerIds)
                && Arrays.equals(targetTimes, that.targetTimes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(targets) * 31 + Arrays.hashCode(shows);
    }
}
