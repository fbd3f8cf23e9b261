package dev.tvrecsys.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.io.PlaybackParquetReader;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator.Config;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPlaybackGeneratorTest {

    private static final Config SMALL = Config.defaults().withViewers(2_000);

    @TempDir static Path dir;

    private static Summary summary;
    private static EventLog log;

    @BeforeAll
    static void generateSmallDataSet() throws IOException {
        Path file = dir.resolve("small.parquet");
        summary = SyntheticPlaybackGenerator.write(file, SMALL);
        log = PlaybackParquetReader.read(file).log();
    }

    @Test
    void write_summaryMatchesFile() {
        assertEquals(log.size(), summary.events());
        assertEquals(2_000, summary.viewers());
        assertEquals(Arrays.stream(log.userIds()).distinct().count(), summary.viewers());
        assertEquals(Arrays.stream(log.showIds()).distinct().count(), summary.shows());
        assertEquals(Arrays.stream(sessionIds()).distinct().count(), summary.sessions());
    }

    @Test
    void write_eventsPerViewerInDefaultRange() {
        double perViewer = (double) log.size() / summary.viewers();

        assertTrue(perViewer >= 60, "events per viewer " + perViewer);
        assertTrue(perViewer <= 100, "events per viewer " + perViewer);
    }

    @Test
    void write_sameSeedSameBytes() throws IOException {
        Config config = SMALL.withViewers(300);
        Path first = dir.resolve("first.parquet");
        Path second = dir.resolve("second.parquet");
        Path other = dir.resolve("other.parquet");

        SyntheticPlaybackGenerator.write(first, config);
        SyntheticPlaybackGenerator.write(second, config);
        SyntheticPlaybackGenerator.write(other, config.withSeed(7));

        assertEquals(-1, Files.mismatch(first, second));
        assertNotEquals(-1, Files.mismatch(first, other));
    }

    @Test
    void write_containsAllAssetTypes() {
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            counts.merge(log.assetType(row), 1, Integer::sum);
        }

        assertEquals(Set.of("CHANNEL", "RECORDING", "VOD"), counts.keySet());
        assertTrue(counts.get("RECORDING") > log.size() / 50, counts.toString());
        assertTrue(counts.get("VOD") > log.size() / 5, counts.toString());
    }

    @Test
    void write_popularityIsLongTailed() {
        int[] counts = new int[SMALL.shows() + 1];
        for (int row = 0; row < log.size(); row++) {
            counts[log.showId(row)]++;
        }
        Arrays.sort(counts);
        long top = 0;
        for (int i = 0; i < SMALL.shows() / 10; i++) {
            top += counts[counts.length - 1 - i];
        }

        assertTrue(top > 0.4 * log.size(), "top 10% of shows have " + top + " events");
    }

    @Test
    void write_valuesWithinRanges() {
        for (int row = 0; row < log.size(); row++) {
            assertTrue(log.day(row) >= 1, "day at row " + row);
            assertTrue(log.day(row) <= 30, "day at row " + row);
            int minutes = log.watchMinutes(row);
            String asset = log.assetType(row);
            if (asset.equals("CHANNEL")) {
                assertTrue(minutes >= 1, "CHANNEL minutes at row " + row);
                assertTrue(minutes <= 120, "CHANNEL minutes at row " + row);
            } else {
                assertTrue(minutes >= 1, asset + " minutes at row " + row);
                assertTrue(minutes <= 150, asset + " minutes at row " + row);
            }
        }
    }

    @Test
    void write_hasZappingEvents() {
        int zaps = 0;
        for (int row = 0; row < log.size(); row++) {
            if (log.watchMinutes(row) <= 4) {
                zaps++;
            }
        }

        assertTrue(zaps > log.size() / 100, "zapping events " + zaps);
    }

    @Test
    void write_seriesWatchedInOrder() {
        ViewerHistories histories = ViewerHistories.of(log);
        Map<Long, Integer> lastEpisode = new HashMap<>();
        int binges = 0;
        int vodPairs = 0;
        for (int v = 0; v < histories.viewerCount(); v++) {
            lastEpisode.clear();
            for (int p = histories.start(v); p < histories.end(v); p++) {
                int row = histories.row(p);
                if (!log.assetType(row).equals("VOD")) {
                    continue;
                }
                long key = log.showId(row);
                Integer previous = lastEpisode.put(key, log.episodeId(row));
                if (previous != null) {
                    // Series episodes increase; a movie watched again repeats its one episode.
                    assertTrue(previous <= log.episodeId(row), "episode order, row " + row);
                }
                if (p + 1 < histories.end(v)) {
                    int next = histories.row(p + 1);
                    if (log.sessionId(next) == log.sessionId(row)) {
                        vodPairs++;
                        binges += log.showId(next) == log.showId(row) ? 1 : 0;
                    }
                }
            }
        }

        assertTrue(binges > vodPairs / 2, binges + " binges of " + vodPairs + " VOD pairs");
    }

    @Test
    void write_transitionsBeatPopularity() {
        ViewerHistories histories = ViewerHistories.of(log);
        int[] popularity = new int[SMALL.shows() + 1];
        Map<Integer, Map<Integer, Integer>> successors = new HashMap<>();
        for (int v = 0; v < histories.viewerCount(); v++) {
            for (int p = histories.start(v); p < histories.end(v) - 1; p++) {
                int show = log.showId(histories.row(p));
                popularity[show]++;
                if (p + 1 < histories.end(v) - 1) {
                    int next = log.showId(histories.row(p + 1));
                    successors
                            .computeIfAbsent(show, s -> new HashMap<>())
                            .merge(next, 1, Integer::sum);
                }
            }
        }
        Set<Integer> mostPopular = topTen(popularity);

        int popularityHits = 0;
        int transitionHits = 0;
        for (int v = 0; v < histories.viewerCount(); v++) {
            int target = log.showId(histories.row(histories.end(v) - 1));
            int previous = log.showId(histories.row(histories.end(v) - 2));
            popularityHits += mostPopular.contains(target) ? 1 : 0;
            List<Map.Entry<Integer, Integer>> ranked =
                    new ArrayList<>(successors.getOrDefault(previous, Map.of()).entrySet());
            ranked.sort((a, b) -> b.getValue() - a.getValue());
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                if (ranked.get(i).getKey() == target) {
                    transitionHits++;
                    break;
                }
            }
        }

        double viewers = histories.viewerCount();
        double popularityRecall = popularityHits / viewers;
        double transitionRecall = transitionHits / viewers;
        assertTrue(
                transitionRecall > popularityRecall + 0.2,
                "recall@10 transitions " + transitionRecall + ", popularity " + popularityRecall);
        assertTrue(transitionRecall < 0.95, "too predictable: " + transitionRecall);
    }

    @Test
    void config_rejectsInvalidSizes() {
        assertThrows(IllegalArgumentException.class, () -> SMALL.withViewers(0));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withDays(1000));
        assertThrows(IllegalArgumentException.class, () -> SMALL.withShows(5));
    }

    @Test
    void config_referenceScale() {
        Config reference = Config.referenceScale();

        assertEquals(100_000, reference.viewers());
        assertEquals(30, reference.days());
        assertEquals(13_350, reference.shows());
    }

    private static Set<Integer> topTen(int[] counts) {
        Integer[] ids = new Integer[counts.length - 1];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        Arrays.sort(ids, (a, b) -> counts[b] - counts[a]);
        return new HashSet<>(Arrays.asList(ids).subList(0, 10));
    }

    private static int[] sessionIds() {
        int[] ids = new int[log.size()];
        for (int row = 0; row < ids.length; row++) {
            ids[row] = log.sessionId(row);
        }
        return ids;
    }
}
