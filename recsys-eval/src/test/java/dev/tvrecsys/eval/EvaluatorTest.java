package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.SampleSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double TOLERANCE = 1e-9;

    /** Recommender that returns one fixed score row per sample and records its batches. */
    private static final class FixedScores implements Recommender {
        private final float[][] rows;
        private final List<int[]> batches = new ArrayList<>();

        FixedScores(float[][] rows) {
            this.rows = rows;
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public int showCount() {
            return rows[0].length;
        }

        @Override
        public void score(SampleSet samples, int from, int to, float[][] out) {
            batches.add(new int[] {from, to});
            for (int i = from; i < to; i++) {
                System.arraycopy(rows[i], 0, out[i - from], 0, rows[i].length);
            }
        }
    }

    // Windows of 3 over 6 show indices:
    // sample  window     target  ranking (padding and unknown removed)  rank
    // s0      [0, 2, 3]  4       3, 4, 2, 5                             2
    // s1      [2, 3, 4]  5       2, 3, 4, 5 (all tie)                   4
    // s2      [0, 0, 5]  2       5, 2, 4, 3                             2
    private static final SampleSet SAMPLES =
            Samples.of(3, new int[] {0, 2, 3, 2, 3, 4, 0, 0, 5}, new int[] {4, 5, 2});
    private static final float[][] SCORES = {
        {9, 9, 1, 5, 4, 0}, {0, 0, 3, 3, 3, 3}, {0, 0, 2, 0, 1, 7},
    };

    @Test
    void evaluate_ranksFixedScoresInBatches() {
        FixedScores recommender = new FixedScores(SCORES);
        Evaluator evaluator = Evaluator.builder().ks(List.of(2, 1)).batchSize(2).build();

        MetricsReport report = evaluator.evaluate(recommender, SAMPLES);

        assertEquals(2, recommender.batches.size());
        assertEquals(
                List.of(0, 2),
                List.of(recommender.batches.get(0)[0], recommender.batches.get(0)[1]));
        assertEquals(
                List.of(2, 3),
                List.of(recommender.batches.get(1)[0], recommender.batches.get(1)[1]));
        assertEquals(3, report.sampleCount());
        assertEquals(List.of(1, 2), report.ks());
        // No target is at rank 1, and s0 and s2 are at rank 2.
        assertEquals(0.0, report.value(MetricsReport.RECALL, 1), TOLERANCE);
        assertEquals(2.0 / 3, report.value(MetricsReport.RECALL, 2), TOLERANCE);
        // MRR@2 = (1/2 + 0 + 1/2) / 3.
        assertEquals(1.0 / 3, report.value(MetricsReport.MRR, 2), TOLERANCE);
        // Top-2 lists: {3, 4}, {2, 3}, {5, 2}, so all 4 shows are covered.
        assertEquals(1.0, report.value(MetricsReport.COVERAGE, 2), TOLERANCE);
        assertFalse(Double.isNaN(report.elapsedSeconds()));
        assertTrue(report.elapsedSeconds() >= 0);
    }

    @Test
    void evaluate_excludeSeenRemovesWindowShows() {
        Evaluator evaluator = Evaluator.builder().ks(List.of(1)).excludeSeen(true).build();

        MetricsReport report = evaluator.evaluate(new FixedScores(SCORES), SAMPLES);

        // s0 without {2, 3}: 4, 5, so target 4 is first.
        // s1 without {2, 3, 4}: 5, so target 5 is first.
        // s2 without {5}: 2, 4, 3, so target 2 is first.
        assertEquals(1.0, report.value(MetricsReport.RECALL, 1), TOLERANCE);
    }

    @Test
    void evaluate_rejectsSampleWithoutTarget() {
        SampleSet samples = Samples.of(1, new int[] {2, 3}, new int[] {3, SampleSet.NO_TARGET});
        float[][] scores = {{0, 0, 1, 2}, {0, 0, 1, 2}};

        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Evaluator.builder()
                                        .build()
                                        .evaluate(new FixedScores(scores), samples));

        assertTrue(error.getMessage().contains("sample 1"), error.getMessage());
    }

    @Test
    void evaluate_rejectsTargetOutsideVocabulary() {
        SampleSet samples = Samples.of(1, new int[] {2}, new int[] {4});
        float[][] scores = {{0, 0, 1, 2}};

        assertThrows(
                IllegalArgumentException.class,
                () -> Evaluator.builder().build().evaluate(new FixedScores(scores), samples));
    }

    @Test
    void builder_defaults() {
        Evaluator evaluator = Evaluator.builder().build();

        assertEquals(RankingMetrics.DEFAULT_KS, evaluator.ks());
        assertEquals(Evaluator.DEFAULT_BATCH_SIZE, evaluator.batchSize());
        assertFalse(evaluator.excludeSeen());
    }

    @Test
    void builder_rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> Evaluator.builder().ks(List.of(-1)));
    }
}
