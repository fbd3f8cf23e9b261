package dev.tvrecsys.profile;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import dev.tvrecsys.profile.DataProfile.AssetTypeStats;
import dev.tvrecsys.profile.DataProfile.ShowStats;
import dev.tvrecsys.profile.DataProfile.WeekdayBasis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Computes the {@link DataProfile} of an event log.
 *
 * <p>Distinct counts and per-show figures come from sorting one {@code long[]} of packed id pairs,
 * and per-viewer figures from one pass over {@link ViewerHistories}; Tablesaw summarises watch
 * minutes by asset type and ranks the shows. No object is created per event.
 *
 * <p>Memory: besides the log itself (about 35 bytes per event) the profiler keeps the histories'
 * order (4 bytes per event), one packed key array (8 bytes per event) and, during the asset-type
 * summary, two int columns and Tablesaw's per-group copies of the watch minutes. As a rough
 * measure, {@code ProfileMain} read and profiled the default synthetic log (20,000 viewers, 1.63
 * million events, 70 MB of heap after reading) with {@code -Xmx192m} but ran out of heap with
 * {@code -Xmx144m}, so reading plus profiling needs at most about 75 bytes per event beyond the log
 * (OpenJDK 17, G1).
 */
public final class DataProfiler {

    /** Viewers with fewer events than this are counted as short histories. */
    public static final int SHORT_HISTORY = Windowing.REFERENCE_WINDOW + 1;

    /** Number of previous events searched for a repeated show. */
    public static final int REPEAT_WINDOW = Windowing.REFERENCE_WINDOW;

    /** Shows with fewer events than this are counted as rare. */
    public static final int RARE_SHOW_EVENTS = 5;

    /** Events with fewer watch minutes than this count as zapping. */
    public static final int ZAPPING_MINUTES = 5;

    /** Number of shows in {@link DataProfile#topShows()}. */
    public static final int TOP_SHOWS = 20;

    /**
     * Day values from this epoch day on (1980-01-01) are taken as epoch days, smaller ones as day
     * numbers.
     */
    // NOTE: EventLog does not record whether its days are day numbers or epoch days, so this
    // threshold is a guess. A day-number log whose days all exceed 3,651 is read as dates.
    public static final int FIRST_EPOCH_DAY = 3652;

    /** Width in minutes of the watch-minutes histogram bins. */
    static final int MINUTES_BIN_WIDTH = 5;

    /** Watch minutes from which events fall into the open last histogram bin. */
    static final int MINUTES_HISTOGRAM_END = 240;

    /** Target number of bins of the history length histogram below its open last bin. */
    static final int LENGTH_BINS = 40;

    private static final int MINUTES_PER_HOUR = 60;

    private DataProfiler() {}

    /**
     * Profiles a log.
     *
     * @param log the events
     * @return the profile
     * @throws IllegalArgumentException if the log has no events
     */
    public static DataProfile profile(EventLog log) {
        requireEvents(log);
        return profile(ViewerHistories.of(log));
    }

    /**
     * Profiles the log of already ordered histories, which saves sorting it again.
     *
     * @param histories the histories of the log
     * @return the profile
     * @throws IllegalArgumentException if the log has no events
     */
    public static DataProfile profile(ViewerHistories histories) {
        EventLog log = histories.log();
        requireEvents(log);

        long[] keys = new long[log.size()];
        ShowCounts shows = showCounts(log, keys);
        int episodes = countDistinctPairs(log, keys, PairKind.SHOW_EPISODE);
        int sessions = countDistinctPairs(log, keys, PairKind.USER_SESSION);
        int days = log.hasClockTime() ? countDistinctDays(log, keys) : 0;
        keys = null;

        DataProfile.Counts counts =
                new DataProfile.Counts(
                        log.size(),
                        histories.viewerCount(),
                        shows.showIds.length,
                        episodes,
                        sessions,
                        days);

        Table showTable =
                Table.create(
                        "shows",
                        IntColumn.create("show_id", shows.showIds),
                        IntColumn.create("events", shows.events),
                        IntColumn.create("viewers", shows.viewers));
        int rareShows =
                showTable
                        .where(showTable.intColumn("events").isLessThan(RARE_SHOW_EVENTS))
                        .rowCount();

        WeekdayBasis basis = weekdayBasis(log);
        return new DataProfile(
                log.source(),
                log.hasClockTime(),
                counts,
                historyLengths(histories),
                assetTypes(log),
                hasWatchMinutes(log),
                topShows(showTable, log.size()),
                eventsByRank(shows.events),
                rareShows,
                repeats(histories),
                basis,
                eventsByWeekdayHour(log, basis));
    }

    private static void requireEvents(EventLog log) {
        if (log.size() == 0) {
            throw new IllegalArgumentException("cannot profile " + log.source() + ": no events");
        }
    }

    /** Per-show events and distinct viewers, in ascending show id order. */
    private record ShowCounts(int[] showIds, int[] events, int[] viewers) {}

    private static ShowCounts showCounts(EventLog log, long[] keys) {
        int n = log.size();
        for (int i = 0; i < n; i++) {
            keys[i] = pack(log.showId(i), log.userId(i));
        }
        Arrays.sort(keys);
        IntColumn showIds = IntColumn.create("show_id");
        IntColumn events = IntColumn.create("events");
        IntColumn viewers = IntColumn.create("viewers");
        int showEvents = 0;
        int showViewers = 0;
        for (int i = 0; i < n; i++) {
            boolean newShow = i == 0 || high(keys[i]) != high(keys[i - 1]);
            if (newShow && i > 0) {
                showIds.append(high(keys[i - 1]));
                events.append(showEvents);
                viewers.append(showViewers);
                showEvents = 0;
                showViewers = 0;
            }
            showEvents++;
            if (newShow || keys[i] != keys[i - 1]) {
                showViewers++;
            }
        }
        showIds.append(high(keys[n - 1]));
        events.append(showEvents);
        viewers.append(showViewers);
        return new ShowCounts(showIds.asIntArray(), events.asIntArray(), viewers.asIntArray());
    }

    private enum PairKind {
        SHOW_EPISODE,
        USER_SESSION
    }

    /** Counts distinct pairs whose second id is not 0, the value for a missing id. */
    private static int countDistinctPairs(EventLog log, long[] keys, PairKind kind) {
        int m = 0;
        for (int i = 0; i < log.size(); i++) {
            int first = kind == PairKind.SHOW_EPISODE ? log.showId(i) : log.userId(i);
            int second = kind == PairKind.SHOW_EPISODE ? log.episodeId(i) : log.sessionId(i);
            if (second != 0) {
                keys[m++] = pack(first, second);
            }
        }
        return countDistinctSorted(keys, m);
    }

    private static int countDistinctDays(EventLog log, long[] keys) {
        for (int i = 0; i < log.size(); i++) {
            keys[i] = log.day(i);
        }
        return countDistinctSorted(keys, log.size());
    }

    private static int countDistinctSorted(long[] keys, int length) {
        Arrays.sort(keys, 0, length);
        int distinct = 0;
        for (int i = 0; i < length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int high(long key) {
        return (int) (key >> 32);
    }

    private static DataProfile.HistoryLengths historyLengths(ViewerHistories histories) {
        int viewers = histories.viewerCount();
        int[] lengths = new int[viewers];
        int shortHistories = 0;
        long samples = 0;
        Windowing reference = Windowing.reference();
        for (int v = 0; v < viewers; v++) {
            lengths[v] = histories.length(v);
            if (lengths[v] < SHORT_HISTORY) {
                shortHistories++;
            }
            samples += reference.targetCount(lengths[v]);
        }
        IntColumn column = IntColumn.create("history_length", lengths);
        int max = (int) column.max();
        double p99 = percentile(column, 99);
        return new DataProfile.HistoryLengths(
                percentile(column, 10),
                percentile(column, 25),
                percentile(column, 50),
                percentile(column, 75),
                percentile(column, 90),
                p99,
                max,
                column.mean(),
                (double) shortHistories / viewers,
                samples,
                lengthHistogram(lengths, p99));
    }

    /** Bins lengths from 1 to about p99 into {@link #LENGTH_BINS} bins, the rest into one. */
    private static Histogram lengthHistogram(int[] lengths, double p99) {
        int width = Math.max(1, (int) Math.ceil(p99 / LENGTH_BINS));
        int last = (int) Math.ceil(p99 / width);
        long[] counts = new long[last + 1];
        for (int length : lengths) {
            counts[Math.min((length - 1) / width, last)]++;
        }
        return new Histogram(1, width, counts);
    }

    private static double percentile(NumericColumn<?> column, double p) {
        return AggregateFunctions.percentile(column, p);
    }

    /**
     * Summarises watch minutes by asset type with a Tablesaw group-by; events, zapping and the
     * histograms come from one primitive pass.
     */
    private static List<AssetTypeStats> assetTypes(EventLog log) {
        int n = log.size();
        int types = log.assetTypeNames().size();
        int[] codes = new int[n];
        int[] minutes = new int[n];
        long[] zapping = new long[types];
        int bins = MINUTES_HISTOGRAM_END / MINUTES_BIN_WIDTH + 1;
        long[][] histograms = new long[types][bins];
        for (int i = 0; i < n; i++) {
            int code = log.assetCode(i);
            int watched = log.watchMinutes(i);
            codes[i] = code;
            minutes[i] = watched;
            if (watched < ZAPPING_MINUTES) {
                zapping[code]++;
            }
            histograms[code][Math.min(watched / MINUTES_BIN_WIDTH, bins - 1)]++;
        }

        Table events =
                Table.create(
                        IntColumn.create("asset_code", codes),
                        IntColumn.create("watch_minutes", minutes));
        codes = null;
        minutes = null;
        Table byType =
                events.summarize(
                                "watch_minutes",
                                AggregateFunctions.count,
                                AggregateFunctions.sum,
                                AggregateFunctions.mean,
                                AggregateFunctions.median,
                                AggregateFunctions.percentile90)
                        .by("asset_code");

        double totalMinutes = 0;
        for (int row = 0; row < byType.rowCount(); row++) {
            totalMinutes += byType.numberColumn(2).getDouble(row);
        }
        AssetTypeStats[] stats = new AssetTypeStats[types];
        for (int row = 0; row < byType.rowCount(); row++) {
            int code = (int) byType.numberColumn(0).getDouble(row);
            long count = (long) byType.numberColumn(1).getDouble(row);
            double sum = byType.numberColumn(2).getDouble(row);
            stats[code] =
                    new AssetTypeStats(
                            log.assetTypeNames().get(code),
                            count,
                            (double) count / n,
                            (long) sum,
                            totalMinutes == 0 ? 0 : sum / totalMinutes,
                            byType.numberColumn(3).getDouble(row),
                            byType.numberColumn(4).getDouble(row),
                            byType.numberColumn(5).getDouble(row),
                            (double) zapping[code] / count,
                            new Histogram(0, MINUTES_BIN_WIDTH, histograms[code]));
        }
        List<AssetTypeStats> result = new ArrayList<>();
        for (AssetTypeStats type : stats) {
            // An asset name can be registered by a row that a reader later dropped.
            if (type != null) {
                result.add(type);
            }
        }
        return result;
    }

    private static boolean hasWatchMinutes(EventLog log) {
        for (int i = 0; i < log.size(); i++) {
            if (log.watchMinutes(i) > 0) {
                return true;
            }
        }
        return false;
    }

    private static List<ShowStats> topShows(Table showTable, int totalEvents) {
        Table top = showTable.sortOn("-events", "show_id").first(TOP_SHOWS);
        List<ShowStats> result = new ArrayList<>();
        for (int row = 0; row < top.rowCount(); row++) {
            int events = top.intColumn("events").getInt(row);
            result.add(
                    new ShowStats(
                            top.intColumn("show_id").getInt(row),
                            events,
                            top.intColumn("viewers").getInt(row),
                            (double) events / totalEvents));
        }
        return result;
    }

    private static int[] eventsByRank(int[] events) {
        int[] sorted = events.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            int swap = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = swap;
        }
        return sorted;
    }

    /** Checks each event after a viewer's first against the shows of the previous events. */
    private static DataProfile.Repeats repeats(ViewerHistories histories) {
        EventLog log = histories.log();
        long nextEvents = 0;
        long repeats = 0;
        for (int v = 0; v < histories.viewerCount(); v++) {
            int start = histories.start(v);
            int end = histories.end(v);
            for (int p = start + 1; p < end; p++) {
                int show = log.showId(histories.row(p));
                nextEvents++;
                for (int q = Math.max(start, p - REPEAT_WINDOW); q < p; q++) {
                    if (log.showId(histories.row(q)) == show) {
                        repeats++;
                        break;
                    }
                }
            }
        }
        return new DataProfile.Repeats(nextEvents, repeats);
    }

    private static WeekdayBasis weekdayBasis(EventLog log) {
        if (!log.hasClockTime()) {
            return WeekdayBasis.NONE;
        }
        int minDay = Integer.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            minDay = Math.min(minDay, log.day(i));
        }
        return minDay >= FIRST_EPOCH_DAY ? WeekdayBasis.EPOCH_DAY : WeekdayBasis.DAY_NUMBER_MOD_7;
    }

    private static long[][] eventsByWeekdayHour(EventLog log, WeekdayBasis basis) {
        if (basis == WeekdayBasis.NONE) {
            return new long[0][];
        }
        long[][] counts = new long[7][24];
        for (int i = 0; i < log.size(); i++) {
            counts[dayOfWeek(log.day(i), basis)][log.minuteOfDay(i) / MINUTES_PER_HOUR]++;
        }
        return counts;
    }

    /** Returns 0 to 6: Monday to Sunday for epoch days, {@code day mod 7} for day numbers. */
    static int dayOfWeek(int day, WeekdayBasis basis) {
        // Epoch day 0, 1970-01-01, was a Thursday, which is index 3 counting from Monday.
        return basis == WeekdayBasis.EPOCH_DAY ? Math.floorMod(day + 3, 7) : Math.floorMod(day, 7);
    }
}
