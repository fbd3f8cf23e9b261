package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accumulator of top-k ranking metrics over samples with one target show each.
 *
 * <p>Each call to {@link #add} takes one ranked list of show indices, best first, and the true
 * target. For a cut-off k the first k entries are the k predicted labels of the sample. Let n be
 * the number of samples, {@code hits} the number of samples whose target is among their first k
 * entries, and {@code rank} the 1-based position of the target in the list.
 *
 * <ul>
 *   <li>{@code recall@k = hits / n}. With one target per sample this is the hit rate.
 *   <li>Micro averaging pools all labels: TP = hits, FP = predicted labels - hits, FN = n - hits.
 *       So {@code precision_micro@k = hits / (n * k)} when every list has at least k entries, micro
 *       recall equals {@code recall@k}, and {@code f1_micro@k = 2 TP / (2 TP + FP + FN)}, the
 *       harmonic mean of the two. At k = 1 micro precision, micro recall and micro F1 all equal
 *       accuracy.
 *   <li>Macro averaging follows scikit-learn's {@code average="macro"}. The classes at k are the
 *       shows that occur as a target or within the first k entries of any list. For class c, TP
 *       counts samples with target c and c in the top k, FP samples with c in the top k and another
 *       target, FN samples with target c and c not in the top k. Precision is {@code TP / (TP +
 *       FP)}, recall {@code TP / (TP + FN)} and F1 {@code 2 TP / (2 TP + FP + FN)}, which equals
 *       {@code 2PR / (P + R)} and is 0 when TP is 0. The macro value is the unweighted mean over
 *       classes, reported as {@code precision_macro}, {@code recall_macro} and {@code f1_macro}. A
 *       class never predicted has precision 0, and a class predicted but never a target has recall
 *       0, as with scikit-learn's {@code zero_division=0}. The report logs one WARN per metric when
 *       this happens. A target of {@link IdVocabulary#UNKNOWN} is a class like any other, and since
 *       {@link TopK} never ranks it, its recall is 0.
 *   <li>{@code ndcg@k} is the mean of {@code 1 / log2(rank + 1)} over samples, with 0 when rank
 *       {@code > k}. With one relevant show the ideal DCG is 1.
 *   <li>{@code mrr@k} is the mean of {@code 1 / rank}, with 0 when rank {@code > k}.
 *   <li>{@code coverage@k} is the number of distinct shows with index of at least {@link
 *       IdVocabulary#RESERVED} found within the first k entries of any list, divided by {@code
 *       showCount - 2}, the number of recommendable shows.
 * </ul>
 *
 * <p>A list may hold {@link TopK#EMPTY} entries when fewer than k shows were eligible. They are no
 * prediction, so they count neither as FP nor towards coverage. With no samples every metric is NaN
 * and the report logs a WARN.
 *
 * <p>Memory is a few int arrays of length {@code showCount} per cut-off. Per-class counts are ints,
 * so one accumulator takes at most {@link Integer#MAX_VALUE} - 1 samples. Instances are not
 * thread-safe.
 */
public final class RankingMetrics {

    /** Default cut-offs. */
    public static final List<Integer> DEFAULT_KS = List.of(1, 5, 10, 20);

    private static final Logger LOG = LoggerFactory.getLogger(RankingMetrics.class);

    private final int showCount;
    private final int[] ks;
    private final int maxK;

    // rankCounts[r] is the number of samples whose target is at 1-based rank r <= maxK.
    private final long[] rankCounts;

    // Per cut-off bucket b, counts for ranks in (ks[b-1], ks[b]]. report() sums them up to k.
    private final int[][] predictedInBucket;
    private final int[][] hitsInBucket;
    private final int[] targetCounts;

    // seenInSample[c] == marker marks show c as already listed in the list being checked.
    private final int[] seenInSample;
    private int marker;
    private int sampleCount;

    /**
     * Creates an accumulator with the cut-offs {@link #DEFAULT_KS}.
     *
     * @param showCount the show vocabulary size, padding and unknown included
     * @throws IllegalArgumentException if {@code showCount} is at most {@link
     *     IdVocabulary#RESERVED}
     */
    public RankingMetrics(int showCount) {
        this(showCount, DEFAULT_KS);
    }

    /**
     * Creates an accumulator for the given cut-offs.
     *
     * @param showCount the show vocabulary size, padding and unknown included
     * @param ks distinct positive cut-offs, in any order
     * @throws IllegalArgumentException if {@code showCount} is at most {@link
     *     IdVocabulary#RESERVED}, or {@code ks} is empty, contains a value below 1 or repeats one
     */
    public RankingMetrics(int showCount, List<Integer> ks) {
        if (showCount <= IdVocabulary.RESERVED) {
            throw new IllegalArgumentException(
                    "showCount must be greater than "
                            + IdVocabulary.RESERVED
                            + " (padding and unknown), found "
                            + showCount);
        }
        this.showCount = showCount;
        this.ks = validateKs(ks);
        this.maxK = this.ks[this.ks.length - 1];
        this.rankCounts = new long[maxK + 1];
        this.predictedInBucket = new int[this.ks.length][showCount];
        this.hitsInBucket = new int[this.ks.length][showCount];
        this.targetCounts = new int[showCount];
        this.seenInSample = new int[showCount];
    }

    /**
     * Returns the cut-offs sorted ascending and checked.
     *
     * @param ks distinct positive cut-offs, in any order
     * @return a new sorted array
     * @throws IllegalArgumentException if {@code ks} is empty, contains a value below 1 or repeats
     *     one
     */
    static int[] validateKs(List<Integer> ks) {
        if (ks.isEmpty()) {
            throw new IllegalArgumentException("ks must not be empty");
        }
        int[] sorted = ks.stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 1) {
                throw new IllegalArgumentException("every k must be at least 1, found " + ks);
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("ks must be distinct, found " + ks);
            }
        }
        return sorted;
    }

    /**
     * Returns the cut-offs, ascending.
     *
     * @return a new list
     */
    public List<Integer> ks() {
        List<Integer> list = new ArrayList<>(ks.length);
        for (int k : ks) {
            list.add(k);
        }
        return list;
    }

    /**
     * Returns the largest cut-off, which is the minimum length of every ranked list.
     *
     * @return the maximum k
     */
    public int maxK() {
        return maxK;
    }

    /**
     * Returns the number of samples added so far.
     *
     * @return the sample count
     */
    public long sampleCount() {
        return sampleCount;
    }

    /**
     * Adds one sample.
     *
     * @param ranked show indices, best first. Only the first {@link #maxK()} entries are read.
     *     {@link TopK#EMPTY} marks an empty slot.
     * @param target the true next show index
     * @throws IllegalArgumentException if {@code ranked} is shorter than {@link #maxK()}, an index
     *     or the target is outside {@code [0, showCount)}, or a show is listed twice
     * @throws IllegalStateException if the accumulator already contains {@link Integer#MAX_VALUE} -
     *     1 samples, the limit of its int counts
     */
    public void add(int[] ranked, int target) {
        if (ranked.length < maxK) {
            throw new IllegalArgumentException(
                    "ranked list must have at least maxK = "
                            + maxK
                            + " entries, found "
                            + ranked.length);
        }
        if (target < 0 || target >= showCount) {
            throw new IllegalArgumentException(
                    "target must be in [0, " + showCount + "), found " + target);
        }
        if (sampleCount >= Integer.MAX_VALUE - 1) {
            throw new IllegalStateException(
                    "failed to add sample: the per-class int counts are full at "
                            + sampleCount
                            + " samples, the maximum of one accumulator");
        }
        validateRanked(ranked);
        int bucket = 0;
        int targetRank = 0;
        for (int position = 0; position < maxK; position++) {
            int rank = position + 1;
            while (rank > ks[bucket]) {
                bucket++;
            }
            int show = ranked[position];
            if (show == TopK.EMPTY) {
                continue;
            }
            predictedInBucket[bucket][show]++;
            if (show == target) {
                targetRank = rank;
                hitsInBucket[bucket][show]++;
            }
        }
        targetCounts[target]++;
        rankCounts[targetRank]++;
        sampleCount++;
    }

    // Checks the whole list before add() changes any count, so a rejected list leaves no trace.
    private void validateRanked(int[] ranked) {
        if (marker == Integer.MAX_VALUE) {
            Arrays.fill(seenInSample, 0);
            marker = 0;
        }
        marker++;
        for (int position = 0; position < maxK; position++) {
            int show = ranked[position];
            if (show == TopK.EMPTY) {
                continue;
            }
            if (show < 0 || show >= showCount) {
                throw new IllegalArgumentException(
                        "ranked index at position "
                                + position
                                + " must be in [0, "
                                + showCount
                                + "), found "
                                + show);
            }
            if (seenInSample[show] == marker) {
                throw new IllegalArgumentException(
                        "show " + show + " is listed twice, again at position " + position);
            }
            seenInSample[show] = marker;
        }
    }

    /**
     * Computes every metric from the samples added so far.
     *
     * @return the report, without elapsed time
     */
    public MetricsReport report() {
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        for (String metric : MetricsReport.METRICS) {
            values.put(metric, new LinkedHashMap<>());
        }
        if (sampleCount == 0) {
            LOG.warn("No samples were added, so every ranking metric is NaN");
            for (Map<Integer, Double> byK : values.values()) {
                for (int k : ks) {
                    byK.put(k, Double.NaN);
                }
            }
            return new MetricsReport(ks(), 0, values, Double.NaN);
        }
        ZeroDivisionCounts zeroDivisions = new ZeroDivisionCounts(ks.length);
        int[] predicted = new int[showCount];
        int[] hits = new int[showCount];
        for (int b = 0; b < ks.length; b++) {
            accumulate(predicted, predictedInBucket[b]);
            accumulate(hits, hitsInBucket[b]);
            int k = ks[b];
            putRankMetrics(values, k);
            putMicroMetrics(values, k, predicted);
            putMacroMetrics(values, k, b, predicted, hits, zeroDivisions);
            putCoverage(values, k, predicted);
        }
        zeroDivisions.warn(ks);
        return new MetricsReport(ks(), sampleCount, values, Double.NaN);
    }

    private static void accumulate(int[] total, int[] increment) {
        for (int c = 0; c < total.length; c++) {
            total[c] += increment[c];
        }
    }

    private void putRankMetrics(Map<String, Map<Integer, Double>> values, int k) {
        long hits = 0;
        double reciprocalRanks = 0;
        double gains = 0;
        for (int rank = 1; rank <= k; rank++) {
            hits += rankCounts[rank];
            reciprocalRanks += rankCounts[rank] / (double) rank;
            gains += rankCounts[rank] / log2(rank + 1);
        }
        values.get(MetricsReport.RECALL).put(k, hits / (double) sampleCount);
        values.get(MetricsReport.MRR).put(k, reciprocalRanks / sampleCount);
        values.get(MetricsReport.NDCG).put(k, gains / sampleCount);
    }

    private void putMicroMetrics(Map<String, Map<Integer, Double>> values, int k, int[] predicted) {
        long hits = 0;
        for (int rank = 1; rank <= k; rank++) {
            hits += rankCounts[rank];
        }
        long predictedLabels = 0;
        for (int count : predicted) {
            predictedLabels += count;
        }
        long falsePositives = predictedLabels - hits;
        long falseNegatives = sampleCount - hits;
        double precision;
        if (predictedLabels == 0) {
            // Only possible when every list was empty, so there is no hit either.
            LOG.warn(
                    "{}@{} is ill-defined because no list had an entry; its value is set to 0",
                    MetricsReport.PRECISION_MICRO,
                    k);
            precision = 0.0;
        } else {
            precision = hits / (double) predictedLabels;
        }
        double f1 = 2.0 * hits / (2.0 * hits + falsePositives + falseNegatives);
        values.get(MetricsReport.PRECISION_MICRO).put(k, precision);
        values.get(MetricsReport.F1_MICRO).put(k, f1);
    }

    private void putMacroMetrics(
            Map<String, Map<Integer, Double>> values,
            int k,
            int bucket,
            int[] predicted,
            int[] hits,
            ZeroDivisionCounts zeroDivisions) {
        int classes = 0;
        double precisionSum = 0;
        double recallSum = 0;
        double f1Sum = 0;
        for (int c = 0; c < showCount; c++) {
            int truePositives = hits[c];
            int falsePositives = predicted[c] - truePositives;
            int falseNegatives = targetCounts[c] - truePositives;
            if (predicted[c] == 0 && targetCounts[c] == 0) {
                continue;
            }
            classes++;
            if (predicted[c] == 0) {
                zeroDivisions.precision[bucket]++;
            } else {
                precisionSum += truePositives / (double) predicted[c];
            }
            if (targetCounts[c] == 0) {
                zeroDivisions.recall[bucket]++;
            } else {
                recallSum += truePositives / (double) targetCounts[c];
            }
            f1Sum += 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
        }
        zeroDivisions.classes[bucket] = classes;
        values.get(MetricsReport.PRECISION_MACRO).put(k, precisionSum / classes);
        values.get(MetricsReport.RECALL_MACRO).put(k, recallSum / classes);
        values.get(MetricsReport.F1_MACRO).put(k, f1Sum / classes);
    }

    private void putCoverage(Map<String, Map<Integer, Double>> values, int k, int[] predicted) {
        int covered = 0;
        for (int c = IdVocabulary.RESERVED; c < showCount; c++) {
            if (predicted[c] > 0) {
                covered++;
            }
        }
        values.get(MetricsReport.COVERAGE)
                .put(k, covered / (double) (showCount - IdVocabulary.RESERVED));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Number of classes per cut-off whose macro precision or recall had a zero denominator. */
    private static final class ZeroDivisionCounts {
        final int[] precision;
        final int[] recall;
        final int[] classes;

        ZeroDivisionCounts(int cutOffs) {
            precision = new int[cutOffs];
            recall = new int[cutOffs];
            classes = new int[cutOffs];
        }

        void warn(int[] ks) {
            warnIfAny(MetricsReport.PRECISION_MACRO, "were never predicted", precision, ks);
            warnIfAny(MetricsReport.RECALL_MACRO, "were never a target", recall, ks);
        }

        private void warnIfAny(String metric, String reason, int[] counts, int[] ks) {
            StringBuilder detail = new StringBuilder();
            for (int b = 0; b < ks.length; b++) {
                if (counts[b] > 0) {
                    if (detail.length() > 0) {
                        detail.append(", ");
                    }
                    detail.append(counts[b]).append(" of ").append(classes[b]);
                    detail.append(" at k=").append(ks[b]);
                }
            }
            if (detail.length() > 0) {
                LOG.warn(
                        "{} is ill-defined for classes that {} ({}); their value is set to 0",
                        metric,
                        reason,
                        detail);
            }
        }
    }
}
