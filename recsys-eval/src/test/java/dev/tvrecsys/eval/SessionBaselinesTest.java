package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tvrecsys.data.SampleSet;
import org.junit.jupiter.api.Test;

class SessionBaselinesTest {

    private static final double TOLERANCE = 1e-6;
    private static final int SHOW_COUNT = 7;

    // Training windows of 2 over show indices 2..6, with target times:
    // sample  window  target  time  item set (window shows and target)
    // s0      [2, 3]  4       1     {2, 3, 4}
    // s1      [3, 4]  5       2     {3, 4, 5}
    // s2      [0, 5]  6       3     {5, 6}
    // s3      [2, 6]  2       4     {2, 6}
    private static final SampleSet TRAIN =
            Samples.of(
                    2,
                    new int[] {2, 3, 3, 4, 0, 5, 2, 6},
                    new int[] {4, 5, 6, 2},
                    new long[] {1, 2, 3, 4});

    // Query window [2, 3]: show 3 is the newest step, show 2 the one before.
    private static final SampleSet QUERY = Samples.of(2, new int[] {2, 3}, new int[] {4});

    private static float[] scoresOf(Recommender recommender, SampleSet samples, int sample) {
        float[][] out = new float[1][recommender.showCount()];
        recommender.score(samples, sample, sample + 1, out);
        return out[0];
    }

    private static int[] rankingOf(Recommender recommender, SampleSet samples, int k) {
        return TopK.top(scoresOf(recommender, samples, 0), k);
    }

    @Test
    void mostPopularRecent_countsNewestHalf() {
        MostPopularRecommender baseline = MostPopularRecommender.fitRecent(TRAIN, SHOW_COUNT, 0.5);

        // ceil(0.5 * 4) = 2 newest samples: s3 (time 4, target 2) and s2 (time 3, target 6).
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 1}, baseline.popularity());
        assertArrayEquals(new int[] {2, 6, 3, 4}, rankingOf(baseline, QUERY, 4));
        assertEquals("most-popular-recent", baseline.name());
    }

    @Test
    void mostPopularRecent_countsTiesAtThreshold() {
        SampleSet train =
                Samples.of(
                        1, new int[] {2, 2, 2, 2}, new int[] {3, 4, 5, 6}, new long[] {1, 3, 3, 4});

        MostPopularRecommender baseline = MostPopularRecommender.fitRecent(train, SHOW_COUNT, 0.5);

        // Sorted times 1, 3, 3, 4: the 2nd newest is at 3, and both samples at 3 count, so
        // targets 4, 5 and 6 are counted and 3 (time 1) is not.
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1}, baseline.popularity());
    }

    @Test
    void mostPopularRecent_rejectsInvalidFraction() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MostPopularRecommender.fitRecent(TRAIN, SHOW_COUNT, 0.0));
        assertThrows(
                IllegalArgumentException.class,
                () -> MostPopularRecommender.fitRecent(TRAIN, SHOW_COUNT, 1.5));
    }

    @Test
    void recentHistory_scoresRepeatsByDecay() {
        RecentHistoryRecommender baseline = RecentHistoryRecommender.fit(TRAIN, SHOW_COUNT, 0.5f);
        SampleSet query = Samples.of(3, new int[] {2, 3, 2}, new int[] {5});

        float[] scores = scoresOf(baseline, query, 0);

        // Show 2 at ages 2 and 0: 1 + 0.25 + 1 = 2.25. Show 3 at age 1: 1 + 0.5 = 1.5.
        // Targets 2, 4, 5, 6 each count 1 (max 1), so the back-off of 4, 5, 6 is 0.5.
        assertEquals(2.25, scores[2], TOLERANCE);
        assertEquals(1.5, scores[3], TOLERANCE);
        assertEquals(0.5, scores[4], TOLERANCE);
        assertEquals(0.5, scores[6], TOLERANCE);
        assertEquals(0.0, scores[0], TOLERANCE);
        assertArrayEquals(new int[] {2, 3, 4, 5, 6}, rankingOf(baseline, query, 5));
    }

    @Test
    void recentHistory_windowShowBeatsPopularShow() {
        RecentHistoryRecommender baseline = RecentHistoryRecommender.fit(TRAIN, SHOW_COUNT, 0.5f);
        SampleSet query = Samples.of(3, new int[] {0, 0, 3}, new int[] {5});

        float[] scores = scoresOf(baseline, query, 0);

        // Show 3 was never a target (back-off 0) but is in the window: 1 + 0.5^0 = 2.
        assertEquals(2.0, scores[3], TOLERANCE);
        assertArrayEquals(new int[] {3, 2, 4, 5}, rankingOf(baseline, query, 4));
        assertEquals("recent-history", baseline.name());
    }

    @Test
    void sessionKnn_cosineScores() {
        SessionKnnRecommender baseline = SessionKnnRecommender.fit(TRAIN, SHOW_COUNT);

        float[] scores = scoresOf(baseline, QUERY, 0);

        // A = {2, 3}. sim(s0) = 2 / sqrt(2 * 3) = 0.816497, sim(s1) = 1 / sqrt(6) = 0.408248,
        // sim(s3) = 1 / sqrt(2 * 2) = 0.5, and s2 shares nothing.
        // Show 2: s0 + s3 = 1.316497. Shows 3 and 4: s0 + s1 = 1.224745. Show 5: s1. Show 6: s3.
        assertEquals(1.316497, scores[2], TOLERANCE);
        assertEquals(1.224745, scores[3], TOLERANCE);
        assertEquals(1.224745, scores[4], TOLERANCE);
        assertEquals(0.408248, scores[5], TOLERANCE);
        assertEquals(0.5, scores[6], TOLERANCE);
        assertArrayEquals(new int[] {2, 3, 4, 6, 5}, rankingOf(baseline, QUERY, 5));
        assertEquals("sknn", baseline.name());
        assertEquals(4, baseline.sessionCount());
    }

    @Test
    void sessionKnn_keepsTopNeighbours() {
        SessionKnnRecommender baseline =
                SessionKnnRecommender.fit(TRAIN, SHOW_COUNT, 2, 1000, false);

        float[] scores = scoresOf(baseline, QUERY, 0);

        // The two best neighbours are s0 (0.816497) and s3 (0.5); s1 (0.408248) drops out.
        assertEquals(1.316497, scores[2], TOLERANCE);
        assertEquals(0.816497, scores[3], TOLERANCE);
        assertEquals(0.816497, scores[4], TOLERANCE);
        assertEquals(0.0, scores[5], TOLERANCE);
        assertEquals(0.5, scores[6], TOLERANCE);
    }

    @Test
    void sessionKnn_tieGoesToNewerSession() {
        SessionKnnRecommender baseline =
                SessionKnnRecommender.fit(TRAIN, SHOW_COUNT, 1, 1000, false);
        SampleSet query = Samples.of(2, new int[] {0, 6}, new int[] {5});

        float[] scores = scoresOf(baseline, query, 0);

        // A = {6}. s2 = {5, 6} and s3 = {2, 6} both have sim 1 / sqrt(1 * 2) = 0.707107.
        // With one neighbour the newer s3 (time 4) wins over s2 (time 3), so show 5 scores 0.
        assertEquals(0.707107, scores[2], TOLERANCE);
        assertEquals(0.707107, scores[6], TOLERANCE);
        assertEquals(0.0, scores[5], TOLERANCE);
    }

    @Test
    void sessionKnn_samplesNewestSessions() {
        SessionKnnRecommender baseline =
                SessionKnnRecommender.fit(TRAIN, SHOW_COUNT, 100, 1, false);

        float[] scores = scoresOf(baseline, QUERY, 0);

        // Newest session with show 2 is s3 (time 4), with show 3 it is s1 (time 2), so s0 is
        // never a candidate. Shows 2 and 6 get sim(s3) = 0.5; shows 3, 4, 5 get sim(s1).
        assertEquals(0.5, scores[2], TOLERANCE);
        assertEquals(0.5, scores[6], TOLERANCE);
        assertEquals(0.408248, scores[3], TOLERANCE);
        assertEquals(0.408248, scores[4], TOLERANCE);
        assertEquals(0.408248, scores[5], TOLERANCE);
    }

    @Test
    void sessionKnn_recencyWeightedScores() {
        SessionKnnRecommender baseline =
                SessionKnnRecommender.fit(TRAIN, SHOW_COUNT, 100, 1000, true);

        float[] scores = scoresOf(baseline, QUERY, 0);

        // L = 2 steps: show 2 at position 1 weighs 1/2, show 3 at position 2 weighs 1.
        // sim(s0) = 1.5 / sqrt(6) = 0.612372, sim(s1) = 1 / sqrt(6) = 0.408248,
        // sim(s3) = 0.5 / sqrt(4) = 0.25.
        // Show 2: s0 + s3 = 0.862372. Shows 3 and 4: s0 + s1 = 1.020621.
        assertEquals(0.862372, scores[2], TOLERANCE);
        assertEquals(1.020621, scores[3], TOLERANCE);
        assertEquals(1.020621, scores[4], TOLERANCE);
        assertEquals(0.408248, scores[5], TOLERANCE);
        assertEquals(0.25, scores[6], TOLERANCE);
        assertArrayEquals(new int[] {3, 4, 2, 5, 6}, rankingOf(baseline, QUERY, 5));
        assertEquals("v-sknn", baseline.name());
    }

    @Test
    void sessionKnn_rejectsInvalidCounts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SessionKnnRecommender.fit(TRAIN, SHOW_COUNT, 0, 10, false));
        assertThrows(
                IllegalArgumentException.class,
                () -> SessionKnnRecommender.fit(TRAIN, SHOW_COUNT, 10, 0, false));
    }

    @Test
    void coOccurrence_countsSharedItemSets() {
        CoOccurrenceRecommender baseline = CoOccurrenceRecommender.fit(TRAIN, SHOW_COUNT, 0.5f);

        // Pairs: s0 2-3, 2-4, 3-4; s1 3-4, 3-5, 4-5; s2 5-6; s3 2-6.
        assertEquals(2, baseline.coOccurrenceCount(3, 4));
        assertEquals(2, baseline.coOccurrenceCount(4, 3));
        assertEquals(1, baseline.coOccurrenceCount(2, 3));
        assertEquals(1, baseline.coOccurrenceCount(6, 2));
        assertEquals(0, baseline.coOccurrenceCount(2, 5));
        assertEquals(0, baseline.coOccurrenceCount(2, 2));
        assertEquals(7, baseline.pairCount());
    }

    @Test
    void coOccurrence_recencyWeightedScores() {
        CoOccurrenceRecommender baseline = CoOccurrenceRecommender.fit(TRAIN, SHOW_COUNT, 0.5f);

        float[] scores = scoresOf(baseline, QUERY, 0);

        // Weights: show 3 (age 0) 1, show 2 (age 1) 0.5.
        // 2: 1 * cooc(3, 2) = 1. 3: 0.5 * cooc(2, 3) = 0.5. 4: 0.5 * 1 + 1 * 2 = 2.5.
        // 5: 1 * cooc(3, 5) = 1. 6: 0.5 * cooc(2, 6) = 0.5.
        assertEquals(1.0, scores[2], TOLERANCE);
        assertEquals(0.5, scores[3], TOLERANCE);
        assertEquals(2.5, scores[4], TOLERANCE);
        assertEquals(1.0, scores[5], TOLERANCE);
        assertEquals(0.5, scores[6], TOLERANCE);
        assertArrayEquals(new int[] {4, 2, 5, 3, 6}, rankingOf(baseline, QUERY, 5));
        assertEquals("co-occurrence", baseline.name());
    }

    @Test
    void coOccurrence_rejectsWindowShowOutsideVocabulary() {
        CoOccurrenceRecommender baseline = CoOccurrenceRecommender.fit(TRAIN, SHOW_COUNT);
        SampleSet query = Samples.of(1, new int[] {9}, new int[] {2});

        assertThrows(IllegalArgumentException.class, () -> scoresOf(baseline, query, 0));
    }
}
