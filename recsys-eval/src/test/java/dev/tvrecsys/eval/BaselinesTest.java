package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tvrecsys.data.SampleSet;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final double TOLERANCE = 1e-9;

    // Windows of 2 over 6 show indices:
    // sample  window  target
    // s0      [0, 2]  3
    // s1      [2, 3]  3
    // s2      [3, 4]  5
    // s3      [0, 5]  4
    private static final SampleSet TRAIN =
            Samples.of(2, new int[] {0, 2, 2, 3, 3, 4, 0, 5}, new int[] {3, 3, 5, 4});

    private static int[] rankingOf(Recommender recommender, SampleSet samples, int sample) {
        float[][] out = new float[1][recommender.showCount()];
        recommender.score(samples, sample, sample + 1, out);
        return TopK.top(out[0], 4);
    }

    @Test
    void mostPopular_targetCounts() {
        MostPopularRecommender baseline = MostPopularRecommender.fit(TRAIN, 6);

        // Target counts: show 2: 0, 3: 2, 4: 1, 5: 1. Shows 4 and 5 tie, so 4 comes first.
        assertArrayEquals(new float[] {0, 0, 0, 2, 1, 1}, baseline.popularity());
        assertArrayEquals(new int[] {3, 4, 5, 2}, rankingOf(baseline, TRAIN, 0));
        assertArrayEquals(new int[] {3, 4, 5, 2}, rankingOf(baseline, TRAIN, 3));
        assertEquals("most-popular", baseline.name());
        assertEquals(6, baseline.showCount());
    }

    @Test
    void mostPopular_withWindowEvents() {
        MostPopularRecommender baseline = MostPopularRecommender.fit(TRAIN, 6, true);

        // Window events add show 2: 2, 3: 2, 4: 1, 5: 1 to the target counts.
        // Totals: 2: 2, 3: 4, 4: 2, 5: 2, so 3 first, then 2, 4, 5 by index.
        assertArrayEquals(new float[] {0, 0, 2, 4, 2, 2}, baseline.popularity());
        assertArrayEquals(new int[] {3, 2, 4, 5}, rankingOf(baseline, TRAIN, 0));
    }

    @Test
    void mostPopular_rejectsMissingTarget() {
        SampleSet train = Samples.of(1, new int[] {2}, new int[] {SampleSet.NO_TARGET});

        assertThrows(IllegalArgumentException.class, () -> MostPopularRecommender.fit(train, 4));
    }

    @Test
    void markov_countsWindowAndTargetTransitions() {
        MarkovRecommender baseline = MarkovRecommender.fit(TRAIN, 6);

        // s0: 2->3. s1: 2->3 (window), 3->3. s2: 3->4 (window), 4->5. s3: 5->4.
        assertEquals(2, baseline.transitionCount(2, 3));
        assertEquals(1, baseline.transitionCount(3, 3));
        assertEquals(1, baseline.transitionCount(3, 4));
        assertEquals(1, baseline.transitionCount(4, 5));
        assertEquals(1, baseline.transitionCount(5, 4));
        assertEquals(0, baseline.transitionCount(0, 2));
        assertEquals(5, baseline.transitionPairCount());
        assertEquals("markov", baseline.name());
    }

    @Test
    void markov_targetTransitionsOnly() {
        MarkovRecommender baseline = MarkovRecommender.fit(TRAIN, 6, false);

        // Window pairs 2->3 (s1) and 3->4 (s2) are left out.
        assertEquals(1, baseline.transitionCount(2, 3));
        assertEquals(0, baseline.transitionCount(3, 4));
        assertEquals(4, baseline.transitionPairCount());
    }

    @Test
    void markov_scoresCountPlusBackoff() {
        MarkovRecommender baseline = MarkovRecommender.fit(TRAIN, 6);
        // Back-off = 0.5 * target count / 2: show 2: 0, 3: 0.5, 4: 0.25, 5: 0.25.
        // After 4: 5 scores 1 + 0.25, 3 scores 0.5, 4 scores 0.25, 2 scores 0.
        SampleSet query = Samples.of(2, new int[] {3, 4}, new int[] {5});
        float[][] out = new float[1][6];

        baseline.score(query, 0, 1, out);

        assertEquals(1.25, out[0][5], TOLERANCE);
        assertEquals(0.5, out[0][3], TOLERANCE);
        assertEquals(0.25, out[0][4], TOLERANCE);
        assertEquals(0.0, out[0][2], TOLERANCE);
        assertArrayEquals(new int[] {5, 3, 4, 2}, rankingOf(baseline, query, 0));
    }

    @Test
    void markov_backoffForUnseenLastShow() {
        MarkovRecommender baseline = MarkovRecommender.fit(TRAIN, 6);
        // Last steps: unknown (1), which has no transitions, and padding (empty window).
        SampleSet query = Samples.of(2, new int[] {0, 1, 0, 0}, new int[] {3, 3});

        // Popularity alone: 3 (0.5), then 4 and 5 tie at 0.25, then 2 (0).
        assertArrayEquals(new int[] {3, 4, 5, 2}, rankingOf(baseline, query, 0));
        assertArrayEquals(new int[] {3, 4, 5, 2}, rankingOf(baseline, query, 1));
    }

    @Test
    void markov_backoffBreaksTransitionTies() {
        // Windows of 1: [2] -> 4, [2] -> 5, [3] -> 5. After 2, shows 4 and 5 tie at one
        // transition each, and 5 is more popular (2 targets against 1), so 5 ranks first.
        // Shows 2 and 3 are never targets and tie at 0, so 2 comes before 3.
        SampleSet train = Samples.of(1, new int[] {2, 2, 3}, new int[] {4, 5, 5});
        MarkovRecommender baseline = MarkovRecommender.fit(train, 6);

        assertArrayEquals(new int[] {5, 4, 2, 3}, rankingOf(baseline, train, 0));
    }

    @Test
    void markov_rejectsWindowShowOutsideVocabulary() {
        SampleSet train = Samples.of(1, new int[] {9}, new int[] {2});

        assertThrows(IllegalArgumentException.class, () -> MarkovRecommender.fit(train, 6));
    }
}
