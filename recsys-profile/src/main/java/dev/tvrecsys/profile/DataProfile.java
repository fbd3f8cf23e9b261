package dev.tvrecsys.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The profile of one event log, as computed by {@link DataProfiler}. Immutable: array accessors
 * return copies.
 *
 * @param source where the events came from, as given by the log
 * @param hasClockTime whether the log has days and times of day; without them {@link #days()},
 *     {@link #weekdayBasis()} and {@link #eventsByWeekdayHour()} are empty
 * @param counts the counts of events, viewers, shows, episodes, sessions and days
 * @param historyLengths the distribution of events per viewer
 * @param assetTypes the events and watch minutes per asset type, in the log's asset code order
 * @param hasWatchMinutes whether any event has positive watch minutes; interaction logs such as
 *     MovieLens have none
 * @param topShows the most-watched shows, most events first, ties by ascending show id
 * @param showEventsByRank the events of every show, largest first
 * @param rareShows the number of shows with fewer than {@link DataProfiler#RARE_SHOW_EVENTS} events
 * @param repeats how often a viewer's next event repeats a show of their recent events
 * @param weekdayBasis how the day of week was derived from the day field
 * @param eventsByWeekdayHour events per day of week (rows 0 to 6) and hour of day (columns 0 to
 *     23), or an empty array without clock time
 */
public record DataProfile(
        String source,
        boolean hasClockTime,
        Counts counts,
        HistoryLengths historyLengths,
        List<AssetTypeStats> assetTypes,
        boolean hasWatchMinutes,
        List<ShowStats> topShows,
        int[] showEventsByRank,
        int rareShows,
        Repeats repeats,
        WeekdayBasis weekdayBasis,
        long[][] eventsByWeekdayHour) {

    /** Copies the lists and arrays so the profile cannot change afterwards. */
    public DataProfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(historyLengths, "historyLengths");
        Objects.requireNonNull(repeats, "repeats");
        Objects.requireNonNull(weekdayBasis, "weekdayBasis");
        assetTypes = List.copyOf(assetTypes);
        topShows = List.copyOf(topShows);
        showEventsByRank = showEventsByRank.clone();
        eventsByWeekdayHour = deepCopy(eventsByWeekdayHour);
    }

    /** Returns a copy of the events of every show, largest first. */
    @Override
    public int[] showEventsByRank() {
        return showEventsByRank.clone();
    }

    /** Returns a copy of the events per day of week and hour of day. */
    @Override
    public long[][] eventsByWeekdayHour() {
        return deepCopy(eventsByWeekdayHour);
    }

    /** Returns the number of distinct days, or 0 without clock time. */
    public int days() {
        return counts.days();
    }

    /**
     * Returns a few lines that summarise the profile for a log: viewers, events, shows, history
     * length p50 and p90, the share of viewers under 21 events, the asset mix and the repeat share.
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "Profile of %s: %,d viewers, %,d events, %,d shows",
                        source,
                        counts.viewers(),
                        counts.events(),
                        counts.shows()));
        lines.add(
                String.format(
                        Locale.ROOT,
                        "History length p50 %.1f, p90 %.1f, max %d; %.1f%% of viewers have fewer"
                                + " than %d events; %,d reference samples",
                        historyLengths.p50(),
                        historyLengths.p90(),
                        historyLengths.max(),
                        100 * historyLengths.shareUnder21(),
                        DataProfiler.SHORT_HISTORY,
                        historyLengths.referenceSamples()));
        StringBuilder mix = new StringBuilder("Asset mix by events:");
        for (AssetTypeStats type : assetTypes) {
            mix.append(
                    String.format(Locale.ROOT, " %s %.1f%%", type.name(), 100 * type.eventShare()));
        }
        lines.add(mix.toString());
        lines.add(
                String.format(
                        Locale.ROOT,
                        "%.1f%% of next events repeat a show of the viewer's last %d events",
                        100 * repeats.share(),
                        DataProfiler.REPEAT_WINDOW));
        return lines;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataProfile p
                && source.equals(p.source)
                && hasClockTime == p.hasClockTime
                && counts.equals(p.counts)
                && historyLengths.equals(p.historyLengths)
                && assetTypes.equals(p.assetTypes)
                && hasWatchMinutes == p.hasWatchMinutes
                && topShows.equals(p.topShows)
                && Arrays.equals(showEventsByRank, p.showEventsByRank)
                && rareShows == p.rareShows
                && repeats.equals(p.repeats)
                && weekdayBasis == p.weekdayBasis
                && Arrays.deepEquals(eventsByWeekdayHour, p.eventsByWeekdayHour);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, counts, historyLengths, assetTypes, topShows, repeats);
    }

    @Override
    public String toString() {
        return "DataProfile[" + source + ", " + counts + "]";
    }

    private static long[][] deepCopy(long[][] rows) {
        long[][] copy = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /**
     * Sizes of the log.
     *
     * @param events the number of events
     * @param viewers the number of distinct user ids
     * @param shows the number of distinct show ids
     * @param episodes the number of distinct (show id, episode id) pairs with an episode id other
     *     than 0, which marks a source without episodes
     * @param sessions the number of distinct (user id, session id) pairs with a session id other
     *     than 0, which marks a source without sessions
     * @param days the number of distinct days, or 0 without clock time
     */
    public record Counts(
            long events, int viewers, int shows, int episodes, int sessions, int days) {}

    /**
     * The distribution of events per viewer.
     *
     * <p>Percentiles interpolate linearly at rank {@code p * (n + 1) / 100} of the sorted lengths,
     * clamped to the minimum and maximum (the default estimator of Apache Commons Math's {@code
     * Percentile}, which Tablesaw uses).
     *
     * @param p10 the 10th percentile
     * @param p25 the 25th percentile
     * @param p50 the median
     * @param p75 the 75th percentile
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     * @param max the longest history
     * @param mean the mean length
     * @param shareUnder21 the share of viewers with fewer than {@link DataProfiler#SHORT_HISTORY}
     *     events
     * @param referenceSamples the number of training samples {@code Windowing.reference()} makes
     *     from all viewers
     * @param histogram the number of viewers per length bin, starting at length 1
     */
    public record HistoryLengths(
            double p10,
            double p25,
            double p50,
            double p75,
            double p90,
            double p99,
            int max,
            double mean,
            double shareUnder21,
            long referenceSamples,
            Histogram histogram) {}

    /**
     * Events and watch minutes of one asset type.
     *
     * @param name the asset type name, for example CHANNEL
     * @param events the number of events of this type
     * @param eventShare the share of all events
     * @param minutes the sum of watch minutes
     * @param minuteShare the share of all watch minutes, or 0 when the log has none
     * @param meanMinutes the mean watch minutes per event
     * @param p50Minutes the median watch minutes, interpolated as in {@link HistoryLengths}
     * @param p90Minutes the 90th percentile of watch minutes, interpolated the same way
     * @param zappingShare the share of events with fewer than {@link DataProfiler#ZAPPING_MINUTES}
     *     watch minutes
     * @param minutesHistogram the events per watch-minutes bin, starting at 0
     */
    public record AssetTypeStats(
            String name,
            long events,
            double eventShare,
            long minutes,
            double minuteShare,
            double meanMinutes,
            double p50Minutes,
            double p90Minutes,
            double zappingShare,
            Histogram minutesHistogram) {}

    /**
     * Popularity of one show.
     *
     * @param showId the show id
     * @param events the number of events of the show
     * @param viewers the number of distinct viewers with at least one event of the show
     * @param share the share of all events
     */
    public record ShowStats(int showId, long events, int viewers, double share) {}

    /**
     * Repeats of recent shows: an upper bound on the recall of any recommender that only re-ranks
     * the shows in a viewer's input window.
     *
     * @param nextEvents the events with at least one earlier event of the same viewer
     * @param repeats the next events whose show is among the viewer's previous {@link
     *     DataProfiler#REPEAT_WINDOW} events
     */
    public record Repeats(long nextEvents, long repeats) {

        /** Returns {@code repeats / nextEvents}, or 0 when there are no next events. */
        public double share() {
            return nextEvents == 0 ? 0 : (double) repeats / nextEvents;
        }
    }

    /** Source of the day of week of each event. */
    public enum WeekdayBasis {
        /** The log has no clock time, so there is no day of week. */
        NONE,
        /** Day numbers (1, 2, ...): day of week {@code day mod 7}, which need not be a weekday. */
        DAY_NUMBER_MOD_7,
        /** Epoch days (ISO dates, unix times): the calendar weekday, row 0 being Monday. */
        EPOCH_DAY
    }
}
