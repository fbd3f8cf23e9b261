package dev.tvrecsys.data;

/**
 * Turns viewer histories into (input window, next show) samples and inference windows.
 *
 * <p>For each viewer with events {@code e[0..m-1]} in time order, targets are taken walking back
 * from the newest event in steps of {@link #stride()}: positions {@code m - 1 - offset - stride *
 * k} for {@code k = 0, 1, ...} while the position is at least 1. Each target's input is the up to
 * {@link #windowLength()} events before it. With {@link #reserveNewest()} the first step ({@code k
 * = 0}) is skipped, because the newest segment is the viewer's inference window.
 *
 * <p>{@link #reference()} is the reference Python layout: windows of 20, stride 21, newest segment
 * reserved, so training segments never overlap and a viewer needs at least 23 events to give one
 * sample. {@link #everyPrefix(int)} makes every event with at least one earlier event a target.
 */
public final class Windowing {

    /** Window length of the reference implementation. */
    public static final int REFERENCE_WINDOW = 20;

    private final int windowLength;
    private final int stride;
    private final boolean reserveNewest;

    /**
     * Creates a windowing.
     *
     * @param windowLength number of input events per sample, positive
     * @param stride distance between consecutive targets of a viewer, positive
     * @param reserveNewest whether the newest segment is kept out of the samples
     * @throws IllegalArgumentException if a size is not positive
     */
    public Windowing(int windowLength, int stride, boolean reserveNewest) {
        if (windowLength <= 0) {
            throw new IllegalArgumentException(
                    "windowLength must be positive, found " + windowLength);
        }
        if (stride <= 0) {
            throw new IllegalArgumentException("stride must be positive, found " + stride);
        }
        this.windowLength = windowLength;
        this.stride = stride;
        this.reserveNewest = reserveNewest;
    }

    /** Returns the reference layout: 20 events, stride 21, newest segment reserved. */
    public static Windowing reference() {
        return new Windowing(REFERENCE_WINDOW, REFERENCE_WINDOW + 1, true);
    }

    /** Returns a layout in which every event after a viewer's first one is a target. */
    public static Windowing everyPrefix(int windowLength) {
        return new Windowing(windowLength, 1, false);
    }

    public int windowLength() {
        return windowLength;
    }

    public int stride() {
        return stride;
    }

    public boolean reserveNewest() {
        return reserveNewest;
    }

    /**
     * Builds the training samples of every viewer, newest sample first within a viewer and viewers
     * in ascending id order.
     *
     * @param histories the ordered histories
     * @param shows show vocabulary; unseen shows become {@link IdVocabulary#UNKNOWN}
     * @param assets asset type vocabulary
     * @return the samples
     */
    public SampleSet samples(
            ViewerHistories histories, IdVocabulary shows, AssetTypeVocabulary assets) {
        long count = 0;
        for (int v = 0; v < histories.viewerCount(); v++) {
            count += targetCount(histories.length(v));
        }
        if (count * windowLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "too many samples for one array: "
                            + count
                            + " samples x "
                            + windowLength
                            + " steps; use a larger stride or fewer viewers");
        }
        Filler filler = new Filler(histories, shows, assets, (int) count);
        for (int v = 0; v < histories.viewerCount(); v++) {
            int start = histories.start(v);
            int length = histories.length(v);
            int first = length - 1 - (reserveNewest ? stride : 0);
            for (int target = first; target >= 1; target -= stride) {
                filler.add(v, start, target, start + target);
            }
        }
        return filler.build();
    }

    /**
     * Builds one inference window per viewer: the newest {@link #windowLength()} events, with
     * {@link SampleSet#NO_TARGET} as target and the time of the newest event as target time.
     *
     * @param histories the ordered histories
     * @param shows show vocabulary
     * @param assets asset type vocabulary
     * @return one window per viewer, in viewer order
     */
    public SampleSet inferenceWindows(
            ViewerHistories histories, IdVocabulary shows, AssetTypeVocabulary assets) {
        Filler filler = new Filler(histories, shows, assets, histories.viewerCount());
        for (int v = 0; v < histories.viewerCount(); v++) {
            int start = histories.start(v);
            int length = histories.length(v);
            filler.add(v, start, length, -1);
        }
        return filler.build();
    }

    /** Returns how many samples a viewer with {@code length} events gives. */
    public int targetCount(int length) {
        int first = length - 1 - (reserveNewest ? stride : 0);
        if (first < 1) {
            return 0;
        }
        return (first - 1) / stride + 1;
    }

    /** Writes windows into preallocated arrays. */
    private final class Filler {
        private final ViewerHistories histories;
        private final EventLog log;
        private final IdVocabulary showVocabulary;
        private final int[] assetIndexByCode;
        private final int[] shows;
        private final int[] assets;
        private final float[] minutes;
        private final int[] targets;
        private final int[] targetIds;
        private final int[] viewers;
        private final long[] times;
        private int next;

        Filler(
                ViewerHistories histories,
                IdVocabulary showVocabulary,
                AssetTypeVocabulary assetVocabulary,
                int capacity) {
            this.histories = histories;
            this.log = histories.log();
            this.showVocabulary = showVocabulary;
            this.assetIndexByCode = new int[log.assetTypeNames().size()];
            for (int code = 0; code < assetIndexByCode.length; code++) {
                assetIndexByCode[code] = assetVocabulary.index(log.assetTypeNames().get(code));
            }
            this.shows = new int[capacity * windowLength];
            this.assets = new int[capacity * windowLength];
            this.minutes = new float[capacity * windowLength];
            this.targets = new int[capacity];
            this.targetIds = new int[capacity];
            this.viewers = new int[capacity];
            this.times = new long[capacity];
        }

        /**
         * Adds the window of the events before viewer-relative position {@code end}; {@code
         * targetPosition} is the absolute history position of the target, or -1 for none.
         */
        void add(int viewer, int start, int end, int targetPosition) {
            int inputs = Math.min(windowLength, end);
            int base = next * windowLength + (windowLength - inputs);
            for (int j = 0; j < inputs; j++) {
                int row = histories.row(start + end - inputs + j);
                shows[base + j] = showVocabulary.index(log.showId(row));
                assets[base + j] = assetIndexByCode[log.assetCode(row)];
                minutes[base + j] = log.watchMinutes(row);
            }
            if (targetPosition >= 0) {
                int row = histories.row(targetPosition);
                targets[next] = showVocabulary.index(log.showId(row));
                targetIds[next] = log.showId(row);
                times[next] = log.time(row);
            } else {
                targets[next] = SampleSet.NO_TARGET;
                targetIds[next] = SampleSet.NO_TARGET;
                times[next] = end > 0 ? log.time(histories.row(start + end - 1)) : Long.MIN_VALUE;
            }
            viewers[next] = histories.viewerId(viewer);
            next++;
        }

        SampleSet build() {
            return new SampleSet(
                    windowLength, shows, assets, minutes, targets, targetIds, viewers, times);
        }
    }
}
