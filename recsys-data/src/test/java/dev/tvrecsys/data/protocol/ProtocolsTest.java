package dev.tvrecsys.data.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.Split;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolsTest {

    // Every event has its own show id, so a target or input show identifies one event.
    // viewer  events (show id @ time)
    // 1       100@0  101@10 102@20 103@30 104@40 105@50 106@60 107@70
    // 2       200@5  201@15 202@25 203@35 204@45 205@55
    // 3       300@3  301@80
    // Show index = position in the sorted ids + 2: 100..107 -> 2..9, 200..205 -> 10..15,
    // 300 -> 16, 301 -> 17.
    private static final EventLog LOG = handMadeLog();
    private static final ViewerHistories HISTORIES = ViewerHistories.of(LOG);
    private static final IdVocabulary SHOWS = IdVocabulary.fit(LOG.showIds());
    private static final AssetTypeVocabulary ASSETS = AssetTypeVocabulary.fit(LOG.assetTypeNames());

    private static EventLog handMadeLog() {
        EventLog.Builder builder = EventLog.builder("hand-made", false);
        // Added newest first, so the histories must sort them by time.
        for (int p = 7; p >= 0; p--) {
            builder.add(1, 0, 100 + p, "VOD", 0, p * 10L, 0, 0, 1);
        }
        for (int p = 5; p >= 0; p--) {
            builder.add(2, 0, 200 + p, "CHANNEL", 0, 5 + p * 10L, 0, 0, 1);
        }
        builder.add(3, 0, 301, "VOD", 0, 80, 0, 0, 1);
        builder.add(3, 0, 300, "VOD", 0, 3, 0, 0, 1);
        return builder.build();
    }

    private static int[] targetIds(SampleSet samples) {
        int[] ids = new int[samples.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = samples.targetShowId(i);
        }
        return ids;
    }

    private static Map<Integer, Long> timeByShowIndex() {
        Map<Integer, Long> times = new HashMap<>();
        for (int row = 0; row < LOG.size(); row++) {
            times.put(SHOWS.index(LOG.showId(row)), LOG.time(row));
        }
        return times;
    }

    /** Returns the time of the newest event of sample {@code i}, target and inputs together. */
    private static long newestEventTime(SampleSet samples, int i, Map<Integer, Long> times) {
        long newest = samples.targetTime(i);
        for (int step = 0; step < samples.windowLength(); step++) {
            int show = samples.show(i, step);
            if (show != IdVocabulary.PADDING) {
                newest = Math.max(newest, times.get(show));
            }
        }
        return newest;
    }

    @Test
    void leaveOneOut_everyPrefixTargets() {
        ProtocolSplit split =
                new LeaveOneOutProtocol(3, TrainingSamples.EVERY_PREFIX)
                        .split(HISTORIES, SHOWS, ASSETS);

        // Viewer 1 (8 events): test 107, validation 106, training targets 105 down to 101.
        // Viewer 2 (6 events): test 205, validation 204, training 203 down to 201.
        // Viewer 3 (2 events): too short for a test sample, so 301 is a training target.
        assertArrayEquals(
                new int[] {105, 104, 103, 102, 101, 203, 202, 201, 301}, targetIds(split.train()));
        assertArrayEquals(new int[] {106, 204}, targetIds(split.validation()));
        assertArrayEquals(new int[] {107, 205}, targetIds(split.test()));
        assertEquals("leave-one-out", split.name());
        assertTrue(split.description().contains("every-prefix"), split.description());
    }

    @Test
    void leaveOneOut_inputWindows() {
        ProtocolSplit split =
                new LeaveOneOutProtocol(3, TrainingSamples.EVERY_PREFIX)
                        .split(HISTORIES, SHOWS, ASSETS);

        // Test input of viewer 1 is 104, 105, 106 (indices 6, 7, 8), which includes the
        // validation target as context.
        assertArrayEquals(new int[] {6, 7, 8}, window(split.test(), 0));
        // Training target 101 has the single input 100 (index 2), left-padded.
        assertArrayEquals(new int[] {0, 0, 2}, window(split.train(), 4));
        assertEquals(70L, split.test().targetTime(0));
        assertEquals(1, split.test().viewerId(0));
    }

    @Test
    void leaveOneOut_referenceTargets() {
        ProtocolSplit split =
                new LeaveOneOutProtocol(3, TrainingSamples.REFERENCE)
                        .split(HISTORIES, SHOWS, ASSETS);

        // Targets walk back in steps of 4 from the newest training event.
        // Viewer 1 (history 100..105) gives 105 and 101.
        // Viewer 2 (history 200..203) gives only 203, because 4 steps back is before 201.
        // Viewer 3 gives 301.
        assertArrayEquals(new int[] {105, 101, 203, 301}, targetIds(split.train()));
        assertArrayEquals(new int[] {107, 205}, targetIds(split.test()));
        assertTrue(split.description().contains("reference"), split.description());
    }

    @Test
    void leaveOneOut_trainingEndsBeforeValidationTarget() {
        ProtocolSplit split =
                new LeaveOneOutProtocol(3, TrainingSamples.EVERY_PREFIX)
                        .split(HISTORIES, SHOWS, ASSETS);
        Map<Integer, Long> times = timeByShowIndex();
        Map<Integer, Long> validationTimeByViewer = new HashMap<>();
        for (int i = 0; i < split.validation().size(); i++) {
            validationTimeByViewer.put(
                    split.validation().viewerId(i), split.validation().targetTime(i));
        }

        SampleSet train = split.train();
        for (int i = 0; i < train.size(); i++) {
            Long validationTime = validationTimeByViewer.get(train.viewerId(i));
            if (validationTime == null) {
                continue;
            }
            long newest = newestEventTime(train, i, times);
            assertTrue(
                    newest < validationTime, "training sample " + i + " has an event at " + newest);
        }
        // Viewer 1 validation target 106 is at 60, viewer 2's 204 at 45.
        assertEquals(Map.of(1, 60L, 2, 45L), validationTimeByViewer);
    }

    @Test
    void leaveOneOut_matchesEveryPrefixWindowing() {
        // One viewer with 30 events gives 27 training samples (targets 27 down to 1), more than
        // the writer's first capacity of 16. They must equal Windowing.everyPrefix on a log cut
        // after event 27, with the same vocabularies.
        EventLog.Builder full = EventLog.builder("long", false);
        EventLog.Builder cut = EventLog.builder("long-cut", false);
        for (int p = 0; p < 30; p++) {
            full.add(7, 0, 500 + p % 11, "VOD", 0, p, 0, 0, p);
            if (p < 28) {
                cut.add(7, 0, 500 + p % 11, "VOD", 0, p, 0, 0, p);
            }
        }
        EventLog log = full.build();
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());

        ProtocolSplit split =
                new LeaveOneOutProtocol(5, TrainingSamples.EVERY_PREFIX)
                        .split(ViewerHistories.of(log), shows, assets);

        SampleSet expected =
                Windowing.everyPrefix(5).samples(ViewerHistories.of(cut.build()), shows, assets);
        assertEquals(27, split.train().size());
        assertEquals(expected, split.train());
    }

    @Test
    void timeSplit_lastFractionTargets() {
        TimeSplitProtocol protocol =
                TimeSplitProtocol.lastFraction(0.25, 0.2, 3, TrainingSamples.EVERY_PREFIX);

        ProtocolSplit split = protocol.split(HISTORIES, SHOWS, ASSETS);

        // Times span 0..80: cut-off 80 - floor(0.25 * 80) = 60; validation cut-off
        // 60 - floor(0.2 * (60 - 0)) = 48.
        assertEquals(60L, protocol.cutoff(LOG));
        assertEquals(48L, protocol.validationCutoff(LOG));
        // Training: events before 48, so 100..104 and 200..204; targets newest first.
        assertArrayEquals(
                new int[] {104, 103, 102, 101, 204, 203, 202, 201}, targetIds(split.train()));
        // Validation: 105 (50) and 205 (55) lie in [48, 60).
        assertArrayEquals(new int[] {105, 205}, targetIds(split.validation()));
        // Test: 106 (60), 107 (70), and 301 (80) with 300 (3) as its input.
        assertArrayEquals(new int[] {106, 107, 301}, targetIds(split.test()));
        assertArrayEquals(new int[] {0, 0, 16}, window(split.test(), 2));
        // 106's input 103, 104, 105 reaches back across both cut-offs.
        assertArrayEquals(new int[] {5, 6, 7}, window(split.test(), 0));
        assertEquals("time-split", split.name());
    }

    @Test
    void timeSplit_trainingBeforeCutoffs() {
        TimeSplitProtocol protocol =
                TimeSplitProtocol.lastFraction(0.25, 0.2, 3, TrainingSamples.EVERY_PREFIX);
        ProtocolSplit split = protocol.split(HISTORIES, SHOWS, ASSETS);
        Map<Integer, Long> times = timeByShowIndex();

        for (int i = 0; i < split.train().size(); i++) {
            long newest = newestEventTime(split.train(), i, times);
            assertTrue(newest < 48, "training sample " + i + " has an event at " + newest);
        }
        for (int i = 0; i < split.validation().size(); i++) {
            long time = split.validation().targetTime(i);
            assertTrue(time >= 48, "validation target at " + time);
            assertTrue(time < 60, "validation target at " + time);
        }
        for (int i = 0; i < split.test().size(); i++) {
            assertTrue(split.test().targetTime(i) >= 60, "test target at " + i);
        }
    }

    @Test
    void timeSplit_fixedCutoffWithoutValidation() {
        TimeSplitProtocol protocol =
                TimeSplitProtocol.atTime(60, 0.0, 3, TrainingSamples.REFERENCE);

        ProtocolSplit split = protocol.split(HISTORIES, SHOWS, ASSETS);

        // Training events before 60: viewer 1 has 100..105, so reference targets 105 and 101;
        // viewer 2 has 200..205, so 205 and 201; viewer 3 has only 300, so none.
        assertArrayEquals(new int[] {105, 101, 205, 201}, targetIds(split.train()));
        assertEquals(0, split.validation().size());
        assertArrayEquals(new int[] {106, 107, 301}, targetIds(split.test()));
        assertEquals(60L, protocol.validationCutoff(LOG));
    }

    @Test
    void timeSplit_rejectsInvalidFractions() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TimeSplitProtocol.lastFraction(1.0, 0.1, 3, TrainingSamples.REFERENCE));
        assertThrows(
                IllegalArgumentException.class,
                () -> TimeSplitProtocol.atTime(10, 1.0, 3, TrainingSamples.REFERENCE));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LeaveOneOutProtocol(0, TrainingSamples.REFERENCE));
    }

    @Test
    void randomWindow_wrapsReferenceSplit() {
        // Three viewers of 50 events give 2 reference samples each, 6 in all. The split is
        // floor(6 * 0.7) = 4 training, floor(6 * 0.1) = 0 validation, 2 test samples.
        EventLog.Builder builder = EventLog.builder("sequential", false);
        for (int viewer = 1; viewer <= 3; viewer++) {
            for (int p = 0; p < 50; p++) {
                builder.add(viewer, 0, 1000 * viewer + p, "VOD", 0, p, 0, 0, 1);
            }
        }
        EventLog log = builder.build();
        ViewerHistories histories = ViewerHistories.of(log);
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());

        ProtocolSplit split = RandomWindowProtocol.reference().split(histories, shows, assets);

        SampleSet all = Windowing.reference().samples(histories, shows, assets);
        Split expected = Split.reference(all.size());
        assertEquals(6, all.size());
        assertEquals(all.subset(expected.train()), split.train());
        assertEquals(all.subset(expected.validation()), split.validation());
        assertEquals(all.subset(expected.test()), split.test());
        assertEquals(4, split.train().size());
        assertEquals(0, split.validation().size());
        assertEquals(2, split.test().size());
        assertTrue(split.description().contains("seed 42"), split.description());
    }

    private static int[] window(SampleSet samples, int i) {
        int[] shows = new int[samples.windowLength()];
        for (int step = 0; step < shows.length; step++) {
            shows[step] = samples.show(i, step);
        }
        return shows;
    }

    @Test
    void leaveOneOut_stridedLastStepsCoverEventsOnce() {
        // Stride 2, windows of 3. Viewer 1 trains on 100..105: targets 105, 103, 101 with inputs
        // (102 103 104), (100 101 102), (pad pad 100). Viewer 2 trains on 200..203: targets 203,
        // 201. Viewer 3 has two events and is training only: target 301.
        ProtocolSplit split =
                new LeaveOneOutProtocol(3, TrainingSamples.strided(2))
                        .split(HISTORIES, SHOWS, ASSETS);
        assertArrayEquals(new int[] {105, 103, 101, 203, 201, 301}, targetIds(split.train()));

        // The next show after each of the last 2 steps, skipping steps whose input is padding.
        Map<Integer, Integer> covered = new HashMap<>();
        SampleSet train = split.train();
        for (int i = 0; i < train.size(); i++) {
            for (int step = 1; step < 3; step++) {
                if (train.show(i, step) == IdVocabulary.PADDING) {
                    continue;
                }
                int next = step == 2 ? train.target(i) : train.show(i, step + 1);
                covered.merge(SHOWS.id(next), 1, Integer::sum);
            }
        }
        Map<Integer, Integer> expected = new HashMap<>();
        for (int id : new int[] {101, 102, 103, 104, 105, 201, 202, 203, 301}) {
            expected.put(id, 1);
        }
        assertEquals(expected, covered);
    }

    @Test
    void trainingSamples_parsesEveryForm() {
        assertEquals(TrainingSamples.REFERENCE, TrainingSamples.parse("reference"));
        assertEquals(TrainingSamples.EVERY_PREFIX, TrainingSamples.parse("Every-Prefix"));
        assertEquals(TrainingSamples.EVERY_PREFIX, TrainingSamples.parse("stride-1"));
        assertEquals(21, TrainingSamples.REFERENCE.stride(20));
        assertEquals(20, TrainingSamples.parse("stride-20").stride(20));
        assertEquals("stride-20", TrainingSamples.strided(20).label());
        for (String bad : new String[] {"stride-0", "stride-x", "stride-", "windows"}) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> TrainingSamples.parse(bad));
            assertTrue(error.getMessage().contains("'" + bad + "'"), error.getMessage());
        }
    }
}
