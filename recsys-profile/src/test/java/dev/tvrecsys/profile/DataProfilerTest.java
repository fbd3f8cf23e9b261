package dev.tvrecsys.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.profile.DataProfile.AssetTypeStats;
import dev.tvrecsys.profile.DataProfile.HistoryLengths;
import dev.tvrecsys.profile.DataProfile.ShowStats;
import dev.tvrecsys.profile.DataProfile.WeekdayBasis;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataProfilerTest {

    private static final double TOLERANCE = 1e-9;

    private final DataProfile profile = DataProfiler.profile(ProfileLogs.threeViewers());

    @Test
    void profile_countsDistinctIds() {
        DataProfile.Counts counts = profile.counts();

        assertEquals(11, counts.events());
        assertEquals(3, counts.viewers());
        assertEquals(5, counts.shows());
        // (10,101), (10,102), (10,103), (30,301), (40,401), (50,501); CHANNEL rows have none.
        assertEquals(6, counts.episodes());
        assertEquals(6, counts.sessions());
        // Days 1, 2, 3, 7, 8.
        assertEquals(5, counts.days());
    }

    @Test
    void profile_historyLengthPercentiles() {
        // Lengths 6, 3, 2; sorted 2, 3, 6; rank p * 4 / 100, clamped to [1, 3].
        HistoryLengths lengths = profile.historyLengths();

        assertEquals(2.0, lengths.p10(), TOLERANCE);
        assertEquals(2.0, lengths.p25(), TOLERANCE);
        assertEquals(3.0, lengths.p50(), TOLERANCE);
        assertEquals(6.0, lengths.p75(), TOLERANCE);
        assertEquals(6.0, lengths.p90(), TOLERANCE);
        assertEquals(6.0, lengths.p99(), TOLERANCE);
        assertEquals(6, lengths.max());
        assertEquals(11.0 / 3, lengths.mean(), TOLERANCE);
        assertEquals(1.0, lengths.shareUnder21(), TOLERANCE);
        assertEquals(0, lengths.referenceSamples());
        assertEquals(3, lengths.histogram().total());
    }

    @Test
    void profile_referenceSamplesOfLongHistories() {
        // 44 events give targets at positions 22 and 1; 23 events give one at position 1.
        EventLog.Builder builder = EventLog.builder("long", true);
        for (int i = 0; i < 44; i++) {
            builder.add(1, 1, i % 3, "VOD", 0, i, 1, 0, 10);
        }
        for (int i = 0; i < 23; i++) {
            builder.add(2, 1, 7, "VOD", 0, i, 1, 0, 10);
        }

        HistoryLengths lengths = DataProfiler.profile(builder.build()).historyLengths();

        assertEquals(3, lengths.referenceSamples());
        assertEquals(0.0, lengths.shareUnder21(), TOLERANCE);
        // Sorted 23, 44: rank 1.5 interpolates halfway.
        assertEquals(33.5, lengths.p50(), TOLERANCE);
    }

    @Test
    void profile_assetMixAndWatchMinutes() {
        List<AssetTypeStats> types = profile.assetTypes();

        assertEquals(
                List.of("CHANNEL", "VOD", "RECORDING"), types.stream().map(t -> t.name()).toList());
        AssetTypeStats channel = types.get(0);
        assertEquals(5, channel.events());
        assertEquals(5.0 / 11, channel.eventShare(), TOLERANCE);
        assertEquals(106, channel.minutes());
        assertEquals(106.0 / 230, channel.minuteShare(), TOLERANCE);
        assertEquals(21.2, channel.meanMinutes(), TOLERANCE);
        assertEquals(10.0, channel.p50Minutes(), TOLERANCE);
        assertEquals(60.0, channel.p90Minutes(), TOLERANCE);
        assertEquals(0.4, channel.zappingShare(), TOLERANCE);

        // VOD minutes 5, 20, 45, 50: the median interpolates between 20 and 45.
        AssetTypeStats vod = types.get(1);
        assertEquals(4, vod.events());
        assertEquals(120, vod.minutes());
        assertEquals(32.5, vod.p50Minutes(), TOLERANCE);
        assertEquals(50.0, vod.p90Minutes(), TOLERANCE);
        assertEquals(0.0, vod.zappingShare(), TOLERANCE);

        AssetTypeStats recording = types.get(2);
        assertEquals(2, recording.events());
        assertEquals(4.0 / 230, recording.minuteShare(), TOLERANCE);
        assertEquals(2.0, recording.p50Minutes(), TOLERANCE);
        assertEquals(1.0, recording.zappingShare(), TOLERANCE);
        assertEquals(2, recording.minutesHistogram().count(0));
        assertTrue(profile.hasWatchMinutes());
    }

    @Test
    void profile_topShowsAndRareShows() {
        List<ShowStats> top = profile.topShows();

        assertEquals(5, top.size());
        assertEquals(new ShowStats(10, 5, 2, 5.0 / 11), top.get(0));
        assertEquals(new ShowStats(20, 3, 2, 3.0 / 11), top.get(1));
        assertEquals(List.of(30, 40, 50), top.subList(2, 5).stream().map(s -> s.showId()).toList());
        assertArrayEquals(new int[] {5, 3, 1, 1, 1}, profile.showEventsByRank());
        assertEquals(4, profile.rareShows());
    }

    @Test
    void profile_repeatShare() {
        // Viewer 1: 20 new, 10 repeat, 10 repeat, 30 new, 10 repeat; viewer 2: 20 repeat, 40 new;
        // viewer 3: 50 new.
        assertEquals(8, profile.repeats().nextEvents());
        assertEquals(4, profile.repeats().repeats());
        assertEquals(0.5, profile.repeats().share(), TOLERANCE);
    }

    @Test
    void profile_repeatWindowIsTwentyEvents() {
        // Show 1, then 20 other shows, then show 1 again: 21 events back is outside the window.
        EventLog.Builder builder = EventLog.builder("window", true);
        for (int i = 0; i <= 21; i++) {
            int show = i == 0 || i == 21 ? 1 : 100 + i;
            builder.add(1, 1, show, "VOD", 0, i, 1, 0, 10);
        }

        DataProfile.Repeats repeats = DataProfiler.profile(builder.build()).repeats();

        assertEquals(21, repeats.nextEvents());
        assertEquals(0, repeats.repeats());
    }

    @Test
    void profile_eventsByWeekdayHour() {
        long[][] counts = profile.eventsByWeekdayHour();

        assertEquals(WeekdayBasis.DAY_NUMBER_MOD_7, profile.weekdayBasis());
        assertEquals(7, counts.length);
        // Day 7 is row 0 (minutes 0 and 70), days 1 and 8 are row 1.
        assertEquals(1, counts[0][0]);
        assertEquals(1, counts[0][1]);
        assertEquals(4, counts[1][1]);
        assertEquals(1, counts[1][2]);
        assertEquals(1, counts[2][10]);
        assertEquals(1, counts[2][11]);
        assertEquals(1, counts[3][21]);
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        assertEquals(11, total);
    }

    @Test
    void dayOfWeek_epochDayIsCalendarWeekday() {
        int monday = (int) LocalDate.of(2024, 1, 1).toEpochDay();

        assertEquals(3, DataProfiler.dayOfWeek(0, WeekdayBasis.EPOCH_DAY));
        assertEquals(0, DataProfiler.dayOfWeek(monday, WeekdayBasis.EPOCH_DAY));
        assertEquals(6, DataProfiler.dayOfWeek(monday + 6, WeekdayBasis.EPOCH_DAY));
        assertEquals(1, DataProfiler.dayOfWeek(8, WeekdayBasis.DAY_NUMBER_MOD_7));
    }

    @Test
    void profile_withoutClockTimeSkipsCalendar() {
        EventLog.Builder builder = EventLog.builder("positions", false);
        builder.add(1, 0, 5, "VOD", 0, 0, 0, 0, 0);
        builder.add(1, 0, 6, "VOD", 0, 1, 0, 0, 0);

        DataProfile positions = DataProfiler.profile(builder.build());

        assertEquals(0, positions.days());
        assertEquals(0, positions.counts().sessions());
        assertEquals(WeekdayBasis.NONE, positions.weekdayBasis());
        assertEquals(0, positions.eventsByWeekdayHour().length);
        assertFalse(positions.hasWatchMinutes());
    }

    @Test
    void profile_rejectsEmptyLog() {
        EventLog empty = EventLog.builder("empty", true).build();

        assertThrows(IllegalArgumentException.class, () -> DataProfiler.profile(empty));
    }

    @Test
    void summary_namesHeadlineFigures() {
        List<String> lines = profile.summary();

        assertTrue(lines.get(0).contains("3 viewers, 11 events, 5 shows"), lines.get(0));
        assertTrue(lines.get(1).contains("p50 3.0, p90 6.0"), lines.get(1));
        assertTrue(lines.get(2).contains("CHANNEL 45.5%"), lines.get(2));
        assertTrue(lines.get(3).startsWith("50.0% of next events"), lines.get(3));
    }
}
