package dev.tvrecsys.data.protocol;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.ViewerHistories;
import java.util.Arrays;

/**
 * Collects (input window, target) samples of chosen history positions into growing arrays, in the
 * layout of {@link SampleSet}: windows left-padded, oldest event first.
 */
final class WindowWriter {

    private final ViewerHistories histories;
    private final EventLog log;
    private final IdVocabulary showVocabulary;
    private final int[] assetIndexByCode;
    private final int windowLength;
    private int[] shows;
    private int[] assets;
    private float[] minutes;
    private int[] targets;
    private int[] targetIds;
    private int[] viewers;
    private long[] times;
    private int size;

    WindowWriter(
            ViewerHistories histories,
            IdVocabulary showVocabulary,
            AssetTypeVocabulary assetVocabulary,
            int windowLength) {
        if (windowLength <= 0) {
            throw new IllegalArgumentException(
                    "windowLength must be positive, found " + windowLength);
        }
        this.histories = histories;
        this.log = histories.log();
        this.showVocabulary = showVocabulary;
        this.windowLength = windowLength;
        this.assetIndexByCode = new int[log.assetTypeNames().size()];
        for (int code = 0; code < assetIndexByCode.length; code++) {
            assetIndexByCode[code] = assetVocabulary.index(log.assetTypeNames().get(code));
        }
        allocate(16);
    }

    int windowLength() {
        return windowLength;
    }

    /**
     * Adds the sample whose target is event {@code target} of viewer {@code viewer}, counted from
     * the viewer's first event, with the up to {@link #windowLength()} events before it as input.
     *
     * @throws IllegalArgumentException if the target is the viewer's first event or past its last
     */
    void add(int viewer, int target) {
        if (target < 1 || target >= histories.length(viewer)) {
            throw new IllegalArgumentException(
                    "target must be in [1, "
                            + histories.length(viewer)
                            + ") for viewer "
                            + histories.viewerId(viewer)
                            + ", found "
                            + target);
        }
        if (size == targets.length) {
            allocate(size * 2);
        }
        int start = histories.start(viewer);
        int inputs = Math.min(windowLength, target);
        int base = size * windowLength + (windowLength - inputs);
        for (int j = 0; j < inputs; j++) {
            int row = histories.row(start + target - inputs + j);
            shows[base + j] = showVocabulary.index(log.showId(row));
            assets[base + j] = assetIndexByCode[log.assetCode(row)];
            minutes[base + j] = log.watchMinutes(row);
        }
        int targetRow = histories.row(start + target);
        targets[size] = showVocabulary.index(log.showId(targetRow));
        targetIds[size] = log.showId(targetRow);
        viewers[size] = histories.viewerId(viewer);
        times[size] = log.time(targetRow);
        size++;
    }

    SampleSet build() {
        return new SampleSet(
                windowLength,
                Arrays.copyOf(shows, size * windowLength),
                Arrays.copyOf(assets, size * windowLength),
                Arrays.copyOf(minutes, size * windowLength),
                Arrays.copyOf(targets, size),
                Arrays.copyOf(targetIds, size),
                Arrays.copyOf(viewers, size),
                Arrays.copyOf(times, size));
    }

    private void allocate(int capacity) {
        if ((long) capacity * windowLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "too many samples for one array: "
                            + capacity
                            + " samples x "
                            + windowLength
                            + " steps; use fewer viewers or training samples");
        }
        shows = shows == null ? new int[capacity * windowLength] : grow(shows, capacity);
        assets = assets == null ? new int[capacity * windowLength] : grow(assets, capacity);
        minutes =
                minutes == null
                        ? new float[capacity * windowLength]
                        : Arrays.copyOf(minutes, capacity * windowLength);
        targets = targets == null ? new int[capacity] : Arrays.copyOf(targets, capacity);
        targetIds = targetIds == null ? new int[capacity] : Arrays.copyOf(targetIds, capacity);
        viewers = viewers == null ? new int[capacity] : Arrays.copyOf(viewers, capacity);
        times = times == null ? new long[capacity] : Arrays.copyOf(times, capacity);
    }

    private int[] grow(int[] array, int capacity) {
        return Arrays.copyOf(array, capacity * windowLength);
    }
}
