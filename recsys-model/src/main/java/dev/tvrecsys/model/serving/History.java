package dev.tvrecsys.model.serving;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A viewer's recent events, oldest first: show ids, asset types, watch minutes and times, one entry
 * per event in each of four arrays of equal length.
 *
 * <p>Times only order the events and must not decrease, so any unit works (for example {@code day *
 * 1440 + minuteOfDay}). Instances are immutable and validated on construction.
 */
public final class History {

    private static final History EMPTY =
            new History(new int[0], new String[0], new float[0], new long[0]);

    private final int[] showIds;
    private final String[] assetTypes;
    private final float[] watchMinutes;
    private final long[] times;

    /**
     * Creates a history from copies of the given arrays.
     *
     * @param showIds external show ids, oldest first
     * @param assetTypes asset type names such as CHANNEL, RECORDING or VOD
     * @param watchMinutes minutes watched per event, finite and not negative
     * @param times event times, not decreasing
     * @throws IllegalArgumentException if an array or asset type is null, the lengths differ, a
     *     minute value is negative or not finite, or the times decrease
     */
    public History(int[] showIds, String[] assetTypes, float[] watchMinutes, long[] times) {
        requireNonNull(showIds, "showIds");
        requireNonNull(assetTypes, "assetTypes");
        requireNonNull(watchMinutes, "watchMinutes");
        requireNonNull(times, "times");
        int n = showIds.length;
        requireLength("assetTypes", assetTypes.length, n);
        requireLength("watchMinutes", watchMinutes.length, n);
        requireLength("times", times.length, n);
        for (int i = 0; i < n; i++) {
            if (assetTypes[i] == null) {
                throw new IllegalArgumentException("assetTypes[" + i + "] must not be null");
            }
            if (!(watchMinutes[i] >= 0f) || Float.isInfinite(watchMinutes[i])) {
                throw new IllegalArgumentException(
                        "watchMinutes["
                                + i
                                + "] must be finite and not negative, found "
                                + watchMinutes[i]);
            }
            if (i > 0 && times[i] < times[i - 1]) {
                throw new IllegalArgumentException(
                        "times must not decrease (oldest event first), found "
                                + times[i - 1]
                                + " before "
                                + times[i]
                                + " at position "
                                + i);
            }
        }
        this.showIds = showIds.clone();
        this.assetTypes = assetTypes.clone();
        this.watchMinutes = watchMinutes.clone();
        this.times = times.clone();
    }

    /** Returns the history without events. */
    public static History empty() {
        return EMPTY;
    }

    /** Returns a builder that appends events one at a time, oldest first. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the number of events. */
    public int size() {
        return showIds.length;
    }

    /** Returns whether the history has no events. */
    public boolean isEmpty() {
        return showIds.length == 0;
    }

    /** Returns the show id of event {@code i}. */
    public int showId(int i) {
        return showIds[i];
    }

    /** Returns the asset type name of event {@code i}. */
    public String assetType(int i) {
        return assetTypes[i];
    }

    /** Returns the watch minutes of event {@code i}. */
    public float watchMinutes(int i) {
        return watchMinutes[i];
    }

    /** Returns the time of event {@code i}. */
    public long time(int i) {
        return times[i];
    }

    /** Returns a copy of the show ids, oldest first. */
    public int[] showIds() {
        return showIds.clone();
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static void requireLength(String name, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    name
                            + " has "
                            + actual
                            + " entries but showIds has "
                            + expected
                            + "; every array needs one entry per event");
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof History)) {
            return false;
        }
        History that = (History) other;
        return Arrays.equals(showIds, that.showIds)
                && Arrays.equals(assetTypes, that.assetTypes)
                && Arrays.equals(watchMinutes, that.watchMinutes)
                && Arrays.equals(times, that.times);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(showIds), Arrays.hashCode(times));
    }

    @Override
    public String toString() {
        return "History[" + showIds.length + " events]";
    }

    /** Collects events oldest first; {@link #build()} validates them. */
    public static final class Builder {
        private final List<Integer> showIds = new ArrayList<>();
        private final List<String> assetTypes = new ArrayList<>();
        private final List<Float> watchMinutes = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();

        private Builder() {}

        /**
         * Appends one event.
         *
         * @param showId external show id
         * @param assetType asset type name
         * @param minutes minutes watched
         * @param time event time, not before the previous event's
         * @return this builder
         */
        public Builder add(int showId, String assetType, float minutes, long time) {
            showIds.add(showId);
            assetTypes.add(assetType);
            watchMinutes.add(minutes);
            times.add(time);
            return this;
        }

        /**
         * Builds the history.
         *
         * @return the history
         * @throws IllegalArgumentException under the conditions of {@link History#History}
         */
        public History build() {
            int n = showIds.size();
            int[] shows = new int[n];
            float[] minutes = new float[n];
            long[] eventTimes = new long[n];
            for (int i = 0; i < n; i++) {
                shows[i] = showIds.get(i);
                minutes[i] = watchMinutes.get(i);
                eventTimes[i] = times.get(i);
            }
            return new History(shows, assetTypes.toArray(new String[0]), minutes, eventTimes);
        }
    }
}
