package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void select_tiesRankLowerIndexFirst() {
        // Candidates 2..5 score 1, 3, 3, 2. Indices 3 and 4 tie at 3, so 3 comes first.
        float[] scores = {9, 9, 1, 3, 3, 2};

        assertArrayEquals(new int[] {3, 4}, TopK.top(scores, 2));
        assertArrayEquals(new int[] {3, 4, 5}, TopK.top(scores, 3));
        assertArrayEquals(new int[] {3, 4, 5, 2}, TopK.top(scores, 4));
    }

    @Test
    void select_allEqualScores() {
        float[] scores = {5, 5, 5, 5, 5};

        assertArrayEquals(new int[] {2, 3, 4}, TopK.top(scores, 3));
    }

    @Test
    void select_neverReturnsPaddingOrUnknown() {
        // Padding and unknown score highest, yet neither may be selected.
        float[] scores = {100, 50, 1, 2};
        int[] out = new int[4];

        int selected = new TopK(4).select(scores, out);

        assertEquals(2, selected);
        assertArrayEquals(new int[] {3, 2, TopK.EMPTY, TopK.EMPTY}, out);
    }

    @Test
    void select_nanRanksBelowNegativeInfinity() {
        float[] scores = {0, 0, Float.NaN, 1, Float.NEGATIVE_INFINITY};

        assertArrayEquals(new int[] {3, 4, 2}, TopK.top(scores, 3));
    }

    @Test
    void select_booleanMaskExcludesIndices() {
        float[] scores = {0, 0, 5, 4, 3, 2};
        boolean[] excluded = {false, false, true, false};
        int[] out = new int[2];

        new TopK(2).select(scores, excluded, out);

        assertArrayEquals(new int[] {3, 4}, out);
    }

    @Test
    void select_indexListExcludesOnlyItsRange() {
        float[] scores = {0, 0, 5, 4, 3, 2};
        // Positions 1..3 exclude 2, padding and an out-of-range 99; position 0 (index 3) is
        // outside the range and must stay eligible.
        int[] excluded = {3, 2, 0, 99};
        TopK topK = new TopK(2);
        int[] out = new int[2];

        topK.select(scores, excluded, 1, 4, out);
        assertArrayEquals(new int[] {3, 4}, out);

        // The exclusion must not leak into the next call.
        topK.select(scores, out);
        assertArrayEquals(new int[] {2, 3}, out);
    }

    @Test
    void select_matchesFullSortOnRandomTies() {
        Random random = new Random(42);
        float[] scores = new float[500];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(6);
        }
        int[] expected =
                IntStream.range(2, scores.length)
                        .boxed()
                        .sorted(
                                Comparator.comparingDouble((Integer i) -> -scores[i])
                                        .thenComparingInt(i -> i))
                        .limit(25)
                        .mapToInt(Integer::intValue)
                        .toArray();

        assertArrayEquals(expected, TopK.top(scores, 25));
    }

    @Test
    void constructor_rejectsNonPositiveK() {
        assertThrows(IllegalArgumentException.class, () -> new TopK(0));
    }

    @Test
    void select_rejectsShortOutput() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TopK(3).select(new float[] {0, 0, 1}, new int[2]));
    }
}
