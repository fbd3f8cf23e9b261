package dev.tvrecsys.eval;

import static dev.tvrecsys.eval.MetricsReport.COVERAGE;
import static dev.tvrecsys.eval.MetricsReport.F1_MACRO;
import static dev.tvrecsys.eval.MetricsReport.F1_MICRO;
import static dev.tvrecsys.eval.MetricsReport.MRR;
import static dev.tvrecsys.eval.MetricsReport.NDCG;
import static dev.tvrecsys.eval.MetricsReport.PRECISION_MACRO;
import static dev.tvrecsys.eval.MetricsReport.PRECISION_MICRO;
import static dev.tvrecsys.eval.MetricsReport.RECALL;
import static dev.tvrecsys.eval.MetricsReport.RECALL_MACRO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final double TOLERANCE = 1e-9;

    /**
     * Six show indices, so shows 2..5 are recommendable, with these four samples:
     *
     * <pre>
     * sample  ranked  target  rank
     * s1      [2, 3]  2       1
     * s2      [2, 4]  4       2
     * s3      [3, 2]  5       miss
     * s4      [2, 3]  3       2
     * </pre>
     */
    private static MetricsReport fourSampleReport() {
        RankingMetrics metrics = new RankingMetrics(6, List.of(2, 1));
        metrics.add(new int[] {2, 3}, 2);
        metrics.add(new int[] {2, 4}, 4);
        metrics.add(new int[] {3, 2}, 5);
        metrics.add(new int[] {2, 3}, 3);
        return metrics.report();
    }

    @Test
    void report_rankMetricsAtOneAndTwo() {
        MetricsReport report = fourSampleReport();

        assertEquals(List.of(1, 2), report.ks());
        assertEquals(4, report.sampleCount());
        // k=1: only s1 hits. k=2: s1, s2 and s4 hit.
        assertEquals(0.25, report.value(RECALL, 1), TOLERANCE);
        assertEquals(0.75, report.value(RECALL, 2), TOLERANCE);
        // MRR@2 = (1 + 1/2 + 0 + 1/2) / 4.
        assertEquals(0.25, report.value(MRR, 1), TOLERANCE);
        assertEquals(0.5, report.value(MRR, 2), TOLERANCE);
        // NDCG@2 = (1 + 1/log2(3) + 0 + 1/log2(3)) / 4 = (1 + 2 * 0.6309297535714575) / 4.
        assertEquals(0.25, report.value(NDCG, 1), TOLERANCE);
        assertEquals(0.5654648767857287, report.value(NDCG, 2), TOLERANCE);
    }

    @Test
    void report_microMetricsAtOneAndTwo() {
        MetricsReport report = fourSampleReport();

        // k=1: 1 hit in 4 labels, so precision = recall = F1 = accuracy = 0.25.
        assertEquals(0.25, report.value(PRECISION_MICRO, 1), TOLERANCE);
        assertEquals(0.25, report.value(F1_MICRO, 1), TOLERANCE);
        // k=2: TP = 3, FP = 8 - 3 = 5, FN = 4 - 3 = 1. P = 3/8, R = 3/4,
        // F1 = 2 * 3 / (6 + 5 + 1) = 0.5, the harmonic mean of 0.375 and 0.75.
        assertEquals(0.375, report.value(PRECISION_MICRO, 2), TOLERANCE);
        assertEquals(0.5, report.value(F1_MICRO, 2), TOLERANCE);
    }

    @Test
    void report_macroMetricsAtOne() {
        MetricsReport report = fourSampleReport();

        // Classes {2, 3, 4, 5}; top-1 predictions are 2, 2, 3, 2.
        // class  TP  predicted  targets  P    R  F1 = 2TP / (2TP + FP + FN)
        // 2      1   3          1        1/3  1  2 / (2 + 2 + 0) = 0.5
        // 3      0   1          1        0    0  0
        // 4      0   0          1        0*   0  0
        // 5      0   0          1        0*   0  0
        // (* zero denominator, set to 0)
        assertEquals(1.0 / 12, report.value(PRECISION_MACRO, 1), TOLERANCE);
        assertEquals(0.25, report.value(RECALL_MACRO, 1), TOLERANCE);
        assertEquals(0.125, report.value(F1_MACRO, 1), TOLERANCE);
    }

    @Test
    void report_macroMetricsAtTwo() {
        MetricsReport report = fourSampleReport();

        // class  TP  predicted  targets  P    R  F1
        // 2      1   4          1        1/4  1  2 / (2 + 3 + 0) = 0.4
        // 3      1   3          1        1/3  1  2 / (2 + 2 + 0) = 0.5
        // 4      1   1          1        1    1  1
        // 5      0   0          1        0*   0  0
        // P = (1/4 + 1/3 + 1 + 0) / 4 = 19/48, R = 3/4, F1 = 1.9 / 4.
        assertEquals(19.0 / 48, report.value(PRECISION_MACRO, 2), TOLERANCE);
        assertEquals(0.75, report.value(RECALL_MACRO, 2), TOLERANCE);
        assertEquals(0.475, report.value(F1_MACRO, 2), TOLERANCE);
    }

    @Test
    void report_macroRecallZeroDenominator() {
        // Five show indices, k=1. s1: [2] target 2 (hit), s2: [3] target 2 (miss).
        // class  TP  predicted  targets  P  R             F1
        // 2      1   1          2        1  1/2           2 / (2 + 0 + 1) = 2/3
        // 3      0   1          0        0  0 (zero div)  0
        RankingMetrics metrics = new RankingMetrics(5, List.of(1));
        metrics.add(new int[] {2}, 2);
        metrics.add(new int[] {3}, 2);

        MetricsReport report = metrics.report();

        assertEquals(0.5, report.value(PRECISION_MACRO, 1), TOLERANCE);
        assertEquals(0.25, report.value(RECALL_MACRO, 1), TOLERANCE);
        assertEquals(1.0 / 3, report.value(F1_MACRO, 1), TOLERANCE);
        assertEquals(0.5, report.value(PRECISION_MICRO, 1), TOLERANCE);
        assertEquals(0.5, report.value(RECALL, 1), TOLERANCE);
    }

    @Test
    void report_coverageCountsDistinctShows() {
        MetricsReport report = fourSampleReport();

        // Top-1 lists hold {2, 3} and top-2 lists {2, 3, 4}, out of 4 recommendable shows.
        assertEquals(0.5, report.value(COVERAGE, 1), TOLERANCE);
        assertEquals(0.75, report.value(COVERAGE, 2), TOLERANCE);
    }

    @Test
    void report_unknownTargetIsClassNeverHit() {
        // Five show indices, k=1. s1: [2] target 2, s2: [2] target UNKNOWN (1).
        // Classes {1, 2}. Class 1: never predicted, so P = 0 and R = 0.
        // Class 2: TP 1, predicted 2, targets 1, so P = 1/2, R = 1, F1 = 2 / (2 + 1) = 2/3.
        RankingMetrics metrics = new RankingMetrics(5, List.of(1));
        metrics.add(new int[] {2}, 2);
        metrics.add(new int[] {2}, 1);

        MetricsReport report = metrics.report();

        assertEquals(0.5, report.value(RECALL, 1), TOLERANCE);
        assertEquals(0.25, report.value(PRECISION_MACRO, 1), TOLERANCE);
        assertEquals(0.5, report.value(RECALL_MACRO, 1), TOLERANCE);
        assertEquals(1.0 / 3, report.value(F1_MACRO, 1), TOLERANCE);
        // Coverage ignores index 1: only show 2 of shows 2..4 was listed.
        assertEquals(1.0 / 3, report.value(COVERAGE, 1), TOLERANCE);
    }

    @Test
    void report_emptySlotsAreNoPrediction() {
        // Four show indices, so only shows 2 and 3 exist. k=3 lists hold one empty slot.
        // s1: [3, 2, EMPTY] target 2, rank 2. Predicted labels at k=3: 2, one of them a hit.
        RankingMetrics metrics = new RankingMetrics(4, List.of(3));
        metrics.add(new int[] {3, 2, TopK.EMPTY}, 2);

        MetricsReport report = metrics.report();

        assertEquals(1.0, report.value(RECALL, 3), TOLERANCE);
        assertEquals(0.5, report.value(PRECISION_MICRO, 3), TOLERANCE);
        assertEquals(1.0, report.value(COVERAGE, 3), TOLERANCE);
        assertEquals(0.5, report.value(MRR, 3), TOLERANCE);
    }

    @Test
    void report_atOneMicroPrecisionEqualsAccuracy() {
        RankingMetrics metrics = new RankingMetrics(7, List.of(1));
        int[][] ranked = {{2}, {3}, {4}, {2}, {6}};
        int[] targets = {2, 5, 4, 3, 6};
        for (int i = 0; i < targets.length; i++) {
            metrics.add(ranked[i], targets[i]);
        }

        MetricsReport report = metrics.report();

        // Hits: samples 0, 2 and 4, so accuracy is 3/5.
        assertEquals(0.6, report.value(RECALL, 1), TOLERANCE);
        assertEquals(0.6, report.value(PRECISION_MICRO, 1), TOLERANCE);
        assertEquals(0.6, report.value(F1_MICRO, 1), TOLERANCE);
    }

    @Test
    void report_noSamplesGivesNaN() {
        MetricsReport report = new RankingMetrics(5).report();

        assertEquals(0, report.sampleCount());
        for (String metric : MetricsReport.METRICS) {
            assertTrue(Double.isNaN(report.value(metric, 20)), metric);
        }
    }

    @Test
    void constructor_defaultKs() {
        assertEquals(List.of(1, 5, 10, 20), new RankingMetrics(5).ks());
    }

    @Test
    void constructor_rejectsInvalidKs() {
        assertThrows(IllegalArgumentException.class, () -> new RankingMetrics(5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RankingMetrics(5, List.of(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new RankingMetrics(5, List.of(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new RankingMetrics(2, List.of(1)));
    }

    @Test
    void add_rejectsInvalidInput() {
        RankingMetrics metrics = new RankingMetrics(5, List.of(2));

        assertThrows(IllegalArgumentException.class, () -> metrics.add(new int[] {2}, 2));
        assertThrows(IllegalArgumentException.class, () -> metrics.add(new int[] {2, 3}, 5));
        assertThrows(IllegalArgumentException.class, () -> metrics.add(new int[] {2, 3}, -1));
        assertThrows(IllegalArgumentException.class, () -> metrics.add(new int[] {2, 7}, 2));
        assertThrows(IllegalArgumentException.class, () -> metrics.add(new int[] {3, 3}, 2));
        assertEquals(0, metrics.sampleCount());

        // Rejected lists must leave no counts behind: one valid hit gives recall 1 and
        // coverage 2/3, the two listed shows out of shows 2..4.
        metrics.add(new int[] {3, 2}, 3);
        MetricsReport report = metrics.report();
        assertEquals(1, report.sampleCount());
        assertEquals(1.0, report.value(RECALL, 2), TOLERANCE);
        assertEquals(2.0 / 3, report.value(COVERAGE, 2), TOLERANCE);
        assertEquals(0.5, report.value(PRECISION_MICRO, 2), TOLERANCE);
    }
}
