package dev.tvrecsys.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Playback or interaction events in columnar form, one primitive array per field, in the order they
 * were read from their source.
 *
 * <p>Row {@code i} of every column describes the same event. The ordering key {@link #time(int)} is
 * comparable only within one log: for playback exports it is {@code day * 1440 + minuteOfDay}, for
 * MovieLens ratings the unix time in seconds, and for position-ordered sequences the position.
 * {@link #day(int)} and {@link #minuteOfDay(int)} are the calendar fields where the source has
 * them, and {@link #hasClockTime()} returns whether it does.
 *
 * <p>Asset types are stored as codes into {@link #assetTypeNames()}; the names keep the spelling of
 * the source, upper-cased.
 */
public final class EventLog {

    /** Asset type of a live channel. */
    public static final String CHANNEL = "CHANNEL";

    /** Asset type of a recorded programme. */
    public static final String RECORDING = "RECORDING";

    /** Asset type of a video-on-demand title. */
    public static final String VOD = "VOD";

    /** Minutes per day, the factor between {@link #day(int)} and {@link #time(int)}. */
    public static final int MINUTES_PER_DAY = 1440;

    private final String source;
    private final boolean hasClockTime;
    private final int size;
    private final int[] userIds;
    private final int[] sessionIds;
    private final int[] showIds;
    private final byte[] assetCodes;
    private final int[] episodeIds;
    private final long[] times;
    private final int[] days;
    private final short[] minutesOfDay;
    private final int[] watchMinutes;
    private final List<String> assetTypeNames;

    private EventLog(Builder builder) {
        this.source = builder.source;
        this.hasClockTime = builder.hasClockTime;
        this.size = builder.size;
        this.userIds = Arrays.copyOf(builder.userIds, size);
        this.sessionIds = Arrays.copyOf(builder.sessionIds, size);
        this.showIds = Arrays.copyOf(builder.showIds, size);
        this.assetCodes = Arrays.copyOf(builder.assetCodes, size);
        this.episodeIds = Arrays.copyOf(builder.episodeIds, size);
        this.times = Arrays.copyOf(builder.times, size);
        this.days = Arrays.copyOf(builder.days, size);
        this.minutesOfDay = Arrays.copyOf(builder.minutesOfDay, size);
        this.watchMinutes = Arrays.copyOf(builder.watchMinutes, size);
        this.assetTypeNames = Collections.unmodifiableList(new ArrayList<>(builder.assetNames));
    }

    /**
     * Creates a builder for a log read from {@code source}.
     *
     * @param source a description of where the events came from, usually a file path
     * @param hasClockTime whether the events carry a day and a time of day
     * @return an empty builder
     */
    public static Builder builder(String source, boolean hasClockTime) {
        return new Builder(source, hasClockTime);
    }

    /** Returns the description of where the events came from. */
    public String source() {
        return source;
    }

    /** Returns whether {@link #day(int)} and {@link #minuteOfDay(int)} are calendar fields. */
    public boolean hasClockTime() {
        return hasClockTime;
    }

    /** Returns the number of events. */
    public int size() {
        return size;
    }

    public int userId(int row) {
        return userIds[row];
    }

    public int sessionId(int row) {
        return sessionIds[row];
    }

    public int showId(int row) {
        return showIds[row];
    }

    /** Returns the code of the event's asset type, an index into {@link #assetTypeNames()}. */
    public int assetCode(int row) {
        return assetCodes[row];
    }

    /** Returns the asset type name of the event, for example {@link #CHANNEL}. */
    public String assetType(int row) {
        return assetTypeNames.get(assetCodes[row]);
    }

    public int episodeId(int row) {
        return episodeIds[row];
    }

    /** Returns the ordering key of the event; see the class description for its unit. */
    public long time(int row) {
        return times[row];
    }

    /** Returns the day number, or the epoch day for sources with ISO dates. */
    public int day(int row) {
        return days[row];
    }

    /** Returns the minute of the day, 0 to 1439. */
    public int minuteOfDay(int row) {
        return minutesOfDay[row];
    }

    public int watchMinutes(int row) {
        return watchMinutes[row];
    }

    /** Returns the asset type names, indexed by code. */
    public List<String> assetTypeNames() {
        return assetTypeNames;
    }

    /** Returns a copy of the show id column. */
    public int[] showIds() {
        return showIds.clone();
    }

    /** Returns a copy of the user id column. */
    public int[] userIds() {
        return userIds.clone();
    }

    @Override
    public String toString() {
        return "EventLog[" + source + ", " + size + " events]";
    }

    /** Collects events one row at a time into growing primitive arrays. */
    public static final class Builder {
        private final String source;
        private final boolean hasClockTime;
        private final Map<String, Integer> assetCodeByName = new HashMap<>();
        private final List<String> assetNames = new ArrayList<>();
        private int size;
        private int[] userIds = new int[1024];
        private int[] sessionIds = new int[1024];
        private int[] showIds = new int[1024];
        private byte[] assetCodes = new byte[1024];
        private int[] episodeIds = new int[1024];
        private long[] times = new long[1024];
        private int[] days = new int[1024];
        private short[] minutesOfDay = new short[1024];
        private int[] watchMinutes = new int[1024];

        private Builder(String source, boolean hasClockTime) {
            this.source = Objects.requireNonNull(source, "source");
            this.hasClockTime = hasClockTime;
        }

        /**
         * Appends one event.
         *
         * @param userId viewer id
         * @param sessionId playback session id, or 0 where the source has none
         * @param showId show or item id
         * @param assetType asset type name, stored upper-cased
         * @param episodeId episode id, or 0 where the source has none
         * @param time ordering key, see {@link EventLog}
         * @param day day number or epoch day
         * @param minuteOfDay minute of the day, 0 to 1439
         * @param watchMinutes minutes watched, not negative
         * @return this builder
         * @throws IllegalArgumentException if a value is out of range
         */
        public Builder add(
                int userId,
                int sessionId,
                int showId,
                String assetType,
                int episodeId,
                long time,
                int day,
                int minuteOfDay,
                int watchMinutes) {
            if (minuteOfDay < 0 || minuteOfDay >= MINUTES_PER_DAY) {
                throw new IllegalArgumentException(
                        "minuteOfDay must be in [0, 1439], found " + minuteOfDay);
            }
            if (watchMinutes < 0) {
                throw new IllegalArgumentException(
                        "watchMinutes must not be negative, found " + watchMinutes);
            }
            int code = assetCode(assetType);
            if (size == userIds.length) {
                grow();
            }
            userIds[size] = userId;
            sessionIds[size] = sessionId;
            showIds[size] = showId;
            assetCodes[size] = (byte) code;
            episodeIds[size] = episodeId;
            times[size] = time;
            days[size] = day;
            minutesOfDay[size] = (short) minuteOfDay;
            this.watchMinutes[size] = watchMinutes;
            size++;
            return this;
        }

        /** Returns the number of events added so far. */
        public int size() {
            return size;
        }

        /** Builds the immutable log; the builder must not be used afterwards. */
        public EventLog build() {
            return new EventLog(this);
        }

        private int assetCode(String assetType) {
            Objects.requireNonNull(assetType, "assetType");
            String name = assetType.trim().toUpperCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("assetType must not be blank");
            }
            Integer code = assetCodeByName.get(name);
            if (code == null) {
                if (assetNames.size() == Byte.MAX_VALUE) {
                    throw new IllegalArgumentException(
                            "too many distinct asset types (max "
                                    + Byte.MAX_VALUE
                                    + "), found another: "
                                    + name);
                }
                code = assetNames.size();
                assetNames.add(name);
                assetCodeByName.put(name, code);
            }
            return code;
        }

        private void grow() {
            int capacity = Math.max(1024, userIds.length + (userIds.length >> 1));
            userIds = Arrays.copyOf(userIds, capacity);
            sessionIds = Arrays.copyOf(sessionIds, capacity);
            showIds = Arrays.copyOf(showIds, capacity);
            assetCodes = Arrays.copyOf(assetCodes, capacity);
            episodeIds = Arrays.copyOf(episodeIds, capacity);
            times = Arrays.copyOf(times, capacity);
            days = Arrays.copyOf(days, capacity);
            minutesOfDay = Arrays.copyOf(minutesOfDay, capacity);
            watchMinutes = Arrays.copyOf(watchMinutes, capacity);
        }
    }
}
