package dev.tvrecsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowingTest {

    /** Builds a log where viewer {@code v} watches shows 1000 + 0..lengths[v]-1 in order. */
    private static EventLog sequentialLog(int... lengths) {
        EventLog.Builder builder = EventLog.builder("hand-made", true);
        for (int viewer = 0; viewer < lengths.length; viewer++) {
            // Add events newest first so that the histories must reorder them by time.
            for (int t = lengths[viewer] - 1; t >= 0; t--) {
                builder.add(viewer + 1, 0, 1000 + t, "VOD", 0, t, 0, t, t + 1);
            }
        }
        return builder.build();
    }

    private static IdVocabulary showsOf(EventLog log) {
        return IdVocabulary.fit(log.showIds());
    }

    private static AssetTypeVocabulary assetsOf(EventLog log) {
        return AssetTypeVocabulary.fit(log.assetTypeNames());
    }

    @Test
    void reference_takesTargetsEvery21StepsBeforeNewestSegment() {
        // 50 events at positions 0..49. The newest segment (target 49) is reserved; targets are
        // 49 - 21 = 28 and 28 - 21 = 7. Show id 1000 + p has index p + 2.
        EventLog log = sequentialLog(50);
        SampleSet samples =
                Windowing.reference().samples(ViewerHistories.of(log), showsOf(log), assetsOf(log));

        assertEquals(2, samples.size());
        assertEquals(1028, samples.targetShowId(0));
        assertEquals(1007, samples.targetShowId(1));
        assertEquals(28 + 2, samples.target(0));

        // Sample 0: input positions 8..27, no padding.
        int[] first = Arrays.copyOfRange(samples.shows(), 0, 20);
        for (int step = 0; step < 20; step++) {
            assertEquals(8 + step + 2, first[step]);
        }
        // Sample 1: inputs 0..6 (seven events) left-padded with 13 zeros.
        int[] second = Arrays.copyOfRange(samples.shows(), 20, 40);
        for (int step = 0; step < 13; step++) {
            assertEquals(IdVocabulary.PADDING, second[step]);
            assertEquals(IdVocabulary.PADDING, samples.assets()[20 + step]);
            assertEquals(0f, samples.minutes()[20 + step]);
        }
        for (int step = 13; step < 20; step++) {
            assertEquals(step - 13 + 2, second[step]);
        }
        assertEquals(7, samples.historyLength(1));
        // Watch minutes of position p are p + 1 in this log.
        assertEquals(9f, samples.minutes()[0]);
    }

    @Test
    void reference_segmentsDoNotOverlap() {
        EventLog log = sequentialLog(200);
        SampleSet samples =
                Windowing.reference().samples(ViewerHistories.of(log), showsOf(log), assetsOf(log));
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            int target = samples.target(i);
            assertEquals(true, used.add(target), "target reused: " + target);
            for (int step = 0; step < 20; step++) {
                int show = samples.show(i, step);
                if (show != IdVocabulary.PADDING) {
                    assertEquals(true, used.add(show), "event in two segments: " + show);
                }
            }
        }
        // Positions 179..199 are the reserved newest segment and never appear.
        for (int p = 179; p < 200; p++) {
            assertEquals(false, used.contains(p + 2), "newest segment used: " + p);
        }
        assertEquals(9, samples.size());
    }

    @Test
    void inferenceWindows_holdNewest20Events() {
        EventLog log = sequentialLog(50, 3);
        ViewerHistories histories = ViewerHistories.of(log);
        SampleSet windows =
                Windowing.reference().inferenceWindows(histories, showsOf(log), assetsOf(log));

        assertEquals(2, windows.size());
        assertEquals(1, windows.viewerId(0));
        assertEquals(SampleSet.NO_TARGET, windows.target(0));
        // Viewer 1: positions 30..49.
        for (int step = 0; step < 20; step++) {
            assertEquals(30 + step + 2, windows.show(0, step));
        }
        // Viewer 2: three events, left-padded with 17 zeros.
        for (int step = 0; step < 17; step++) {
            assertEquals(IdVocabulary.PADDING, windows.show(1, step));
        }
        assertArrayEquals(new int[] {2, 3, 4}, Arrays.copyOfRange(windows.shows(), 37, 40));
        assertEquals(2, windows.targetTime(1));
    }

    @Test
    void reference_shortViewersGiveNoSample() {
        // One event: nothing. 22 events: the only target would be position 0, which has no
        // input. 23 events: one sample, target position 1 with one input event.
        EventLog log = sequentialLog(1, 22, 23);
        SampleSet samples =
                Windowing.reference().samples(ViewerHistories.of(log), showsOf(log), assetsOf(log));
        assertEquals(1, samples.size());
        assertEquals(3, samples.viewerId(0));
        assertEquals(1001, samples.targetShowId(0));
        assertEquals(1, samples.historyLength(0));
        assertEquals(0, Windowing.reference().targetCount(1));
        assertEquals(0, Windowing.reference().targetCount(22));
        assertEquals(1, Windowing.reference().targetCount(23));
        assertEquals(2, Windowing.reference().targetCount(44));
    }

    @Test
    void everyPrefix_makesEveryLaterEventATarget() {
        EventLog log = sequentialLog(1, 4);
        SampleSet samples =
                Windowing.everyPrefix(2)
                        .samples(ViewerHistories.of(log), showsOf(log), assetsOf(log));
        // Viewer 2 has positions 0..3: targets 3, 2, 1.
        assertEquals(3, samples.size());
        assertArrayEquals(new int[] {5, 4, 3}, samples.targets());
        assertArrayEquals(new int[] {3, 4, 2, 3, 0, 2}, samples.shows());
    }

    @Test
    void unseenShows_mapToUnknownNotPadding() {
        EventLog log = sequentialLog(30);
        IdVocabulary partial = IdVocabulary.fit(new int[] {1000, 1001});
        SampleSet windows =
                Windowing.reference()
                        .inferenceWindows(ViewerHistories.of(log), partial, assetsOf(log));
        for (int step = 0; step < 20; step++) {
            assertEquals(IdVocabulary.UNKNOWN, windows.show(0, step));
        }
    }

    @Test
    void histories_orderByTimeThenSessionThenRow() {
        EventLog.Builder builder = EventLog.builder("ties", true);
        builder.add(5, 2, 10, "VOD", 0, 100, 0, 0, 1); // row 0: same time, session 2
        builder.add(5, 1, 11, "VOD", 0, 100, 0, 0, 1); // row 1: same time, session 1
        builder.add(5, 1, 12, "VOD", 0, 100, 0, 0, 1); // row 2: same time and session as row 1
        builder.add(5, 1, 13, "VOD", 0, 50, 0, 0, 1); // row 3: earliest
        builder.add(4, 1, 14, "VOD", 0, 999, 0, 0, 1); // row 4: other viewer, id 4 sorts first
        ViewerHistories histories = ViewerHistories.of(builder.build());

        assertEquals(2, histories.viewerCount());
        assertEquals(4, histories.viewerId(0));
        assertEquals(5, histories.viewerId(1));
        int[] rows = new int[histories.eventCount()];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = histories.row(p);
        }
        assertArrayEquals(new int[] {4, 3, 1, 2, 0}, rows);
    }

    @Test
    void split_isSeededDisjointAndComplete() {
        Split first = Split.reference(1000);
        Split second = Split.reference(1000);
        assertArrayEquals(first.train(), second.train());
        assertEquals(700, first.train().length);
        assertEquals(100, first.validation().length);
        assertEquals(200, first.test().length);
        Set<Integer> all = new HashSet<>();
        for (int[] part : List.of(first.train(), first.validation(), first.test())) {
            for (int i : part) {
                assertEquals(true, all.add(i));
            }
        }
        assertEquals(1000, all.size());
    }
}
