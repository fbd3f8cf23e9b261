package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.SampleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentedEvaluatorTest {

    private static final double TOLERANCE = 1e-9;
    private static final List<String> ASSET_NAMES = List.of("CHANNEL", "RECORDING", "VOD");

    /** Recommender that gives every sample the scores 4, 3, 2, 1 for shows 2, 3, 4, 5. */
    private static final class FixedRanking implements Recommender {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public int showCount() {
            return 6;
        }

        @Override
        public void score(SampleSet samples, int from, int to, float[][] out) {
            for (int i = from; i < to; i++) {
                System.arraycopy(new float[] {0, 0, 4, 3, 2, 1}, 0, out[i - from], 0, 6);
            }
        }
    }

    // Windows of 3; asset index 2 is CHANNEL and 4 is VOD. Every ranking is 2, 3, 4, 5.
    // sample  shows      assets     last asset  target  kind    history  rank
    // s0      [0, 2, 3]  [0, 2, 4]  VOD         3       repeat  2        2
    // s1      [2, 3, 4]  [2, 2, 2]  CHANNEL     5       new     3        4
    // s2      [0, 0, 5]  [0, 0, 4]  VOD         2       new     1        1
    private static final SampleSet SAMPLES =
            new SampleSet(
                    3,
                    new int[] {0, 2, 3, 2, 3, 4, 0, 0, 5},
                    new int[] {0, 2, 4, 2, 2, 2, 0, 0, 4},
                    new float[9],
                    new int[] {3, 5, 2},
                    new int[] {3, 5, 2},
                    new int[] {1, 2, 3},
                    new long[3]);

    private static SegmentedReport evaluate() {
        Evaluator settings = Evaluator.builder().ks(List.of(1, 2)).batchSize(2).build();
        return new SegmentedEvaluator(settings, ASSET_NAMES).evaluate(new FixedRanking(), SAMPLES);
    }

    @Test
    void evaluate_overallMatchesRanks() {
        SegmentedReport report = evaluate();

        // Only s2 is at rank 1; s0 and s2 are within rank 2.
        assertEquals(3, report.overall().sampleCount());
        assertEquals(1.0 / 3, report.overall().value(MetricsReport.RECALL, 1), TOLERANCE);
        assertEquals(2.0 / 3, report.overall().value(MetricsReport.RECALL, 2), TOLERANCE);
    }

    @Test
    void evaluate_segmentNamesInOrder() {
        SegmentedReport report = evaluate();

        // Every history has 1 to 4 steps. Asset segments follow asset index order.
        assertEquals(
                List.of("history=1-4", "asset=CHANNEL", "asset=VOD", "target=repeat", "target=new"),
                List.copyOf(report.segments().keySet()));
    }

    @Test
    void evaluate_segmentMetrics() {
        SegmentedReport report = evaluate();

        // VOD: s0 (rank 2) and s2 (rank 1). recall@1 = 1/2, recall@2 = 2/2.
        MetricsReport vod = report.segment("asset=VOD");
        assertEquals(2, vod.sampleCount());
        assertEquals(0.5, vod.value(MetricsReport.RECALL, 1), TOLERANCE);
        assertEquals(1.0, vod.value(MetricsReport.RECALL, 2), TOLERANCE);
        // CHANNEL: s1 at rank 4, a miss at both cut-offs.
        assertEquals(
                0.0, report.segment("asset=CHANNEL").value(MetricsReport.RECALL, 2), TOLERANCE);
        // Repeat: s0 at rank 2. New: s1 (rank 4) and s2 (rank 1), so recall@2 = 1/2.
        MetricsReport repeat = report.segment("target=repeat");
        assertEquals(0.0, repeat.value(MetricsReport.RECALL, 1), TOLERANCE);
        assertEquals(1.0, repeat.value(MetricsReport.RECALL, 2), TOLERANCE);
        assertEquals(0.5, report.segment("target=new").value(MetricsReport.RECALL, 2), TOLERANCE);
        // History 1-4 contains all three samples, so it equals the overall recall.
        assertEquals(
                2.0 / 3, report.segment("history=1-4").value(MetricsReport.RECALL, 2), TOLERANCE);
    }

    @Test
    void evaluate_discoveryRemovesWindowShows() {
        SegmentedReport report = evaluate();

        // New targets only. s1 without {2, 3, 4} ranks 5 first, its target.
        // s2 without {5} ranks 2, 3, 4, and target 2 is first. Both hit at k = 1,
        // against a recall@1 of 1/2 for the same samples with window shows ranked.
        assertEquals(2, report.discovery().sampleCount());
        assertEquals(1.0, report.discoveryRecall(1), TOLERANCE);
        assertEquals(1.0, report.discoveryRecall(2), TOLERANCE);
        assertEquals(0.5, report.segment("target=new").value(MetricsReport.RECALL, 1), TOLERANCE);
    }

    @Test
    void evaluate_missingSegmentRejected() {
        SegmentedReport report = evaluate();

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> report.segment("history=20+"));

        assertTrue(error.getMessage().contains("history=20+"), error.getMessage());
    }

    @Test
    void evaluate_rejectsUnnamedAsset() {
        Evaluator settings = Evaluator.builder().ks(List.of(1)).build();
        SegmentedEvaluator evaluator = new SegmentedEvaluator(settings, List.of("CHANNEL"));

        // Asset index 4 needs three names, but only one is given.
        assertThrows(
                IllegalArgumentException.class,
                () -> evaluator.evaluate(new FixedRanking(), SAMPLES));
    }

    @Test
    void historySegment_bucketBounds() {
        int[] lengths = {0, 1, 4, 5, 9, 10, 19, 20, 200};
        String[] expected = {
            "history=0",
            "history=1-4",
            "history=1-4",
            "history=5-9",
            "history=5-9",
            "history=10-19",
            "history=10-19",
            "history=20+",
            "history=20+"
        };
        for (int j = 0; j < lengths.length; j++) {
            assertEquals(
                    expected[j],
                    SegmentedEvaluator.historySegment(lengths[j]),
                    "length " + lengths[j]);
        }
    }

    @Test
    void report_jsonHasAllParts() {
        String json = evaluate().toJson();

        assertTrue(json.contains("\"overall\""), json);
        assertTrue(json.contains("\"asset=VOD\""), json);
        assertTrue(json.contains("\"discovery\""), json);
    }
}
