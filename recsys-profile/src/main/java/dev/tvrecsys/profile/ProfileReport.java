package dev.tvrecsys.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tvrecsys.profile.DataProfile.AssetTypeStats;
import dev.tvrecsys.profile.DataProfile.HistoryLengths;
import dev.tvrecsys.profile.DataProfile.ShowStats;
import dev.tvrecsys.profile.DataProfile.WeekdayBasis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link DataProfile} into a folder: {@code profile.md} for people, {@code profile.json}
 * with the same figures for other tools, and PNG charts.
 *
 * <p>The charts are {@value #HISTORY_LENGTH_PNG} and {@value #SHOW_POPULARITY_PNG} always, {@value
 * #WEEKDAY_HOUR_PNG} when the log has clock time, and {@value #WATCH_MINUTES_PNG} when it has watch
 * minutes. Drawing needs no display or network, but the JVM must run with {@code
 * java.awt.headless=true} where no display is attached.
 */
public final class ProfileReport {

    /** The Markdown report. */
    public static final String MARKDOWN = "profile.md";

    /** The JSON figures. */
    public static final String JSON = "profile.json";

    /** Histogram of events per viewer. */
    public static final String HISTORY_LENGTH_PNG = "history_length.png";

    /** Heat map of events by hour of day and day of week. */
    public static final String WEEKDAY_HOUR_PNG = "weekday_hour.png";

    /** Show events against popularity rank on log-log axes. */
    public static final String SHOW_POPULARITY_PNG = "show_popularity.png";

    /** Watch-minutes distribution per asset type. */
    public static final String WATCH_MINUTES_PNG = "watch_minutes.png";

    private static final Logger LOG = LoggerFactory.getLogger(ProfileReport.class);

    private ProfileReport() {}

    /**
     * Writes the report files into {@code folder}, creating it if needed and replacing files of an
     * earlier report.
     *
     * @param profile the profile
     * @param folder the output folder
     * @return the files written, Markdown and JSON first
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(DataProfile profile, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> charts = new ArrayList<>();
        charts.add(HISTORY_LENGTH_PNG);
        if (profile.weekdayBasis() != WeekdayBasis.NONE) {
            charts.add(WEEKDAY_HOUR_PNG);
        }
        charts.add(SHOW_POPULARITY_PNG);
        if (profile.hasWatchMinutes()) {
            charts.add(WATCH_MINUTES_PNG);
        }

        List<Path> written = new ArrayList<>();
        written.add(writeString(folder.resolve(MARKDOWN), markdown(profile, charts)));
        byte[] json = jsonMapper().writeValueAsBytes(toMap(profile, charts));
        written.add(Files.write(folder.resolve(JSON), json));
        for (String chart : charts) {
            Path file = folder.resolve(chart);
            switch (chart) {
                case HISTORY_LENGTH_PNG -> ProfileCharts.historyLengths(profile, file);
                case WEEKDAY_HOUR_PNG -> ProfileCharts.weekdayHour(profile, file);
                case SHOW_POPULARITY_PNG -> ProfileCharts.showPopularity(profile, file);
                case WATCH_MINUTES_PNG -> ProfileCharts.watchMinutes(profile, file);
                default -> throw new IllegalStateException("no drawing for chart " + chart);
            }
            written.add(file);
        }
        LOG.info("Wrote the profile of {} to {}", profile.source(), folder);
        return written;
    }

    /**
     * Renders the Markdown report.
     *
     * @param profile the profile
     * @param charts the chart file names to link, relative to the report
     * @return the Markdown text
     */
    static String markdown(DataProfile profile, List<String> charts) {
        StringBuilder md = new StringBuilder();
        DataProfile.Counts counts = profile.counts();
        md.append("# Data profile: ").append(profile.source()).append("\n\n");
        md.append("| viewers | shows | episodes | sessions | events | days |\n");
        md.append("|---:|---:|---:|---:|---:|---:|\n");
        md.append(
                row(
                        number(counts.viewers()),
                        number(counts.shows()),
                        number(counts.episodes()),
                        number(counts.sessions()),
                        number(counts.events()),
                        profile.hasClockTime() ? number(counts.days()) : "n/a"));
        md.append("\nEpisodes and sessions count only events whose id is not 0.");
        if (!profile.hasClockTime()) {
            md.append(
                    " This log has no clock time (events are ordered by position), so days and"
                            + " the hour-of-day and day-of-week figures are skipped.");
        }
        md.append("\n\n");

        appendHistoryLengths(md, profile.historyLengths());
        appendAssetTypes(md, profile);
        appendTopShows(md, profile);

        md.append("## Repeats\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "%s of %s next events (%s) repeat a show of the viewer's last %d events."
                                + " This is the highest recall any recommender that only"
                                + " re-ranks the input window can reach.\n\n",
                        number(profile.repeats().repeats()),
                        number(profile.repeats().nextEvents()),
                        percent(profile.repeats().share()),
                        DataProfiler.REPEAT_WINDOW));

        md.append("## Charts\n\n");
        if (profile.weekdayBasis() == WeekdayBasis.DAY_NUMBER_MOD_7) {
            md.append(
                    "Days are day numbers, so the day-of-week axis is the day number mod 7,"
                            + " which need not match calendar weekdays.\n\n");
        } else if (profile.weekdayBasis() == WeekdayBasis.EPOCH_DAY) {
            md.append("Days are calendar dates, so the day-of-week axis is the UTC weekday.\n\n");
        }
        if (!profile.hasWatchMinutes()) {
            md.append("The log has no watch minutes, so there is no watch-minutes chart.\n\n");
        }
        for (String chart : charts) {
            md.append("![").append(chart).append("](").append(chart).append(")\n\n");
        }
        return md.toString();
    }

    private static void appendHistoryLengths(StringBuilder md, HistoryLengths lengths) {
        md.append("## History length (events per viewer)\n\n");
        md.append("| p10 | p25 | p50 | p75 | p90 | p99 | max | mean |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(
                row(
                        decimal(lengths.p10()),
                        decimal(lengths.p25()),
                        decimal(lengths.p50()),
                        decimal(lengths.p75()),
                        decimal(lengths.p90()),
                        decimal(lengths.p99()),
                        number(lengths.max()),
                        decimal(lengths.mean())));
        md.append(
                String.format(
                        Locale.ROOT,
                        "\n%s of viewers have fewer than %d events. The reference windowing"
                                + " (windows of 20, stride 21, newest segment reserved) makes"
                                + " %s training samples in total.\n\n",
                        percent(lengths.shareUnder21()),
                        DataProfiler.SHORT_HISTORY,
                        number(lengths.referenceSamples())));
    }

    private static void appendAssetTypes(StringBuilder md, DataProfile profile) {
        md.append("## Asset types\n\n");
        md.append(
                "| asset type | events | share of events | watch minutes | share of minutes"
                        + " | mean | p50 | p90 | under "
                        + DataProfiler.ZAPPING_MINUTES
                        + " min (zapping) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (AssetTypeStats type : profile.assetTypes()) {
            md.append(
                    row(
                            type.name(),
                            number(type.events()),
                            percent(type.eventShare()),
                            number(type.minutes()),
                            percent(type.minuteShare()),
                            decimal(type.meanMinutes()),
                            decimal(type.p50Minutes()),
                            decimal(type.p90Minutes()),
                            percent(type.zappingShare())));
        }
        md.append('\n');
        if (!profile.hasWatchMinutes()) {
            md.append("Every event has 0 watch minutes, so the minute columns say nothing.\n\n");
        }
    }

    private static void appendTopShows(StringBuilder md, DataProfile profile) {
        md.append("## Top ").append(DataProfiler.TOP_SHOWS).append(" shows\n\n");
        md.append("| rank | show id | events | viewers | share of events |\n");
        md.append("|---:|---:|---:|---:|---:|\n");
        int rank = 1;
        for (ShowStats show : profile.topShows()) {
            md.append(
                    row(
                            number(rank++),
                            Integer.toString(show.showId()),
                            number(show.events()),
                            number(show.viewers()),
                            percent(show.share())));
        }
        md.append(
                String.format(
                        Locale.ROOT,
                        "\n%s of %s shows have fewer than %d events.\n\n",
                        number(profile.rareShows()),
                        number(profile.counts().shows()),
                        DataProfiler.RARE_SHOW_EVENTS));
    }

    /** Converts the profile into nested maps and lists with snake_case keys for JSON. */
    static Map<String, Object> toMap(DataProfile profile, List<String> charts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", profile.source());
        root.put("has_clock_time", profile.hasClockTime());
        DataProfile.Counts counts = profile.counts();
        Map<String, Object> countMap = new LinkedHashMap<>();
        countMap.put("events", counts.events());
        countMap.put("viewers", counts.viewers());
        countMap.put("shows", counts.shows());
        countMap.put("episodes", counts.episodes());
        countMap.put("sessions", counts.sessions());
        countMap.put("days", counts.days());
        root.put("counts", countMap);

        HistoryLengths lengths = profile.historyLengths();
        Map<String, Object> lengthMap = new LinkedHashMap<>();
        lengthMap.put("p10", lengths.p10());
        lengthMap.put("p25", lengths.p25());
        lengthMap.put("p50", lengths.p50());
        lengthMap.put("p75", lengths.p75());
        lengthMap.put("p90", lengths.p90());
        lengthMap.put("p99", lengths.p99());
        lengthMap.put("max", lengths.max());
        lengthMap.put("mean", lengths.mean());
        lengthMap.put("share_under_" + DataProfiler.SHORT_HISTORY, lengths.shareUnder21());
        lengthMap.put("reference_samples", lengths.referenceSamples());
        lengthMap.put("histogram", histogram(lengths.histogram()));
        root.put("history_length", lengthMap);

        List<Object> types = new ArrayList<>();
        for (AssetTypeStats type : profile.assetTypes()) {
            Map<String, Object> typeMap = new LinkedHashMap<>();
            typeMap.put("name", type.name());
            typeMap.put("events", type.events());
            typeMap.put("event_share", type.eventShare());
            typeMap.put("minutes", type.minutes());
            typeMap.put("minute_share", type.minuteShare());
            typeMap.put("mean_minutes", type.meanMinutes());
            typeMap.put("p50_minutes", type.p50Minutes());
            typeMap.put("p90_minutes", type.p90Minutes());
            typeMap.put("zapping_share", type.zappingShare());
            typeMap.put("minutes_histogram", histogram(type.minutesHistogram()));
            types.add(typeMap);
        }
        root.put("asset_types", types);
        root.put("has_watch_minutes", profile.hasWatchMinutes());

        List<Object> top = new ArrayList<>();
        for (ShowStats show : profile.topShows()) {
            Map<String, Object> showMap = new LinkedHashMap<>();
            showMap.put("show_id", show.showId());
            showMap.put("events", show.events());
            showMap.put("viewers", show.viewers());
            showMap.put("share", show.share());
            top.add(showMap);
        }
        root.put("top_shows", top);
        root.put("rare_shows", profile.rareShows());
        root.put("rare_show_max_events", DataProfiler.RARE_SHOW_EVENTS - 1);
        root.put("show_events_by_rank", profile.showEventsByRank());

        Map<String, Object> repeats = new LinkedHashMap<>();
        repeats.put("window", DataProfiler.REPEAT_WINDOW);
        repeats.put("next_events", profile.repeats().nextEvents());
        repeats.put("repeats", profile.repeats().repeats());
        repeats.put("share", profile.repeats().share());
        root.put("repeats", repeats);

        root.put("weekday_basis", profile.weekdayBasis().name());
        root.put("events_by_weekday_hour", profile.eventsByWeekdayHour());
        root.put("charts", charts);
        return root;
    }

    private static Map<String, Object> histogram(Histogram histogram) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lower_bound", histogram.lowerBound());
        map.put("bin_width", histogram.binWidth());
        map.put("last_bin_open", true);
        map.put("counts", histogram.counts());
        return map;
    }

    private static ObjectMapper jsonMapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static Path writeString(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
