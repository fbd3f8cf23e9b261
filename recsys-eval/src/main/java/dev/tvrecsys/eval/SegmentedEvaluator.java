package dev.tvrecsys.eval;

import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a {@link Recommender} overall and per segment of the samples, and measures discovery
 * recall.
 *
 * <p>Every sample belongs to one segment of each of three kinds:
 *
 * <ul>
 *   <li>history length, the number of non-padding input steps: {@code history=1-4}, {@code
 *       history=5-9}, {@code history=10-19} or {@code history=20+} ({@code history=0} for an empty
 *       window);
 *   <li>asset type of the last input event: {@code asset=} followed by the asset type name, {@code
 *       asset=UNKNOWN} for the unknown index and {@code asset=none} for an empty window;
 *   <li>target kind: {@code target=repeat} when the target show is in the input window, otherwise
 *       {@code target=new}. A target of {@link IdVocabulary#UNKNOWN} is always new, because an
 *       unknown index cannot be matched to a show.
 * </ul>
 *
 * <p>Overall and segment metrics rank shows as the {@link Evaluator} given at construction does,
 * with or without its {@code excludeSeen} setting. The discovery report covers only the samples
 * with a new target and always removes the input window's shows from the ranking, so its recall is
 * the share of new targets found among shows the viewer has not just watched.
 */
public final class SegmentedEvaluator {

    /** History length bucket upper bounds, inclusive, for buckets 1-4, 5-9 and 10-19. */
    private static final int[] HISTORY_BOUNDS = {4, 9, 19};

    private static final String[] HISTORY_LABELS = {"1-4", "5-9", "10-19"};

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedEvaluator.class);

    private final Evaluator settings;
    private final List<String> assetNames;

    /**
     * Creates a segmented evaluator.
     *
     * @param settings the evaluator whose cut-offs, batch size and {@code excludeSeen} setting are
     *     used
     * @param assetNames asset type names for asset indices from {@link IdVocabulary#RESERVED} on,
     *     as {@code AssetTypeVocabulary.names()} returns them
     */
    public SegmentedEvaluator(Evaluator settings, List<String> assetNames) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.assetNames = List.copyOf(assetNames);
    }

    /**
     * Returns the history length segment name of a window with {@code length} non-padding steps.
     *
     * @param length the number of non-padding steps, not negative
     * @return for example {@code history=5-9}
     */
    public static String historySegment(int length) {
        int bucket = historyBucket(length);
        if (bucket == 0) {
            return "history=0";
        }
        if (bucket <= HISTORY_LABELS.length) {
            return "history=" + HISTORY_LABELS[bucket - 1];
        }
        return "history=20+";
    }

    /** Returns 0 for an empty window, 1 to 3 for the bounded buckets and 4 for 20 steps or more. */
    private static int historyBucket(int length) {
        if (length <= 0) {
            return 0;
        }
        for (int b = 0; b < HISTORY_BOUNDS.length; b++) {
            if (length <= HISTORY_BOUNDS[b]) {
                return b + 1;
            }
        }
        return HISTORY_BOUNDS.length + 1;
    }

    /**
     * Scores, ranks and measures every sample overall, per segment and for discovery.
     *
     * @param recommender the model or baseline to evaluate
     * @param samples samples that all have a target
     * @return the reports; segments without samples are left out
     * @throws IllegalArgumentException if a sample has no target, a target outside {@code [0,
     *     recommender.showCount())}, or a last asset index with no name in the asset names
     */
    public SegmentedReport evaluate(Recommender recommender, SampleSet samples) {
        int showCount = recommender.showCount();
        Evaluator.requireTargets(samples, showCount);
        List<Integer> ks = settings.ks();
        RankingMetrics overall = new RankingMetrics(showCount, ks);
        RankingMetrics discovery = new RankingMetrics(showCount, ks);
        Map<String, RankingMetrics> segments = new TreeMap<>();
        Map<String, String> namesByKey = new TreeMap<>();

        int maxK = overall.maxK();
        TopK topK = new TopK(maxK);
        int[] ranked = new int[maxK];
        int[] discoveryRanked = new int[maxK];
        int windowLength = samples.windowLength();
        int batchSize = settings.batchSize();
        float[][] scores = new float[Math.min(batchSize, Math.max(samples.size(), 1))][showCount];
        long start = System.nanoTime();

        for (int from = 0; from < samples.size(); from += batchSize) {
            int to = Math.min(from + batchSize, samples.size());
            recommender.score(samples, from, to, scores);
            for (int i = from; i < to; i++) {
                float[] row = scores[i - from];
                int windowStart = i * windowLength;
                int windowEnd = windowStart + windowLength;
                if (settings.excludeSeen()) {
                    topK.select(row, samples.shows(), windowStart, windowEnd, ranked);
                } else {
                    topK.select(row, ranked);
                }
                int target = samples.target(i);
                overall.add(ranked, target);
                boolean repeat = isRepeat(samples, i, target);
                for (Segment segment : segmentsOf(samples, i, repeat)) {
                    namesByKey.put(segment.sortKey(), segment.name());
                    segments.computeIfAbsent(
                                    segment.sortKey(), key -> new RankingMetrics(showCount, ks))
                            .add(ranked, target);
                }
                if (!repeat) {
                    topK.select(row, samples.shows(), windowStart, windowEnd, discoveryRanked);
                    discovery.add(discoveryRanked, target);
                }
            }
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, MetricsReport> segmentReports = new LinkedHashMap<>();
        for (Map.Entry<String, RankingMetrics> entry : segments.entrySet()) {
            segmentReports.put(namesByKey.get(entry.getKey()), entry.getValue().report());
        }
        SegmentedReport report =
                new SegmentedReport(
                        overall.report().withElapsedSeconds(seconds),
                        segmentReports,
                        discovery.report());
        LOG.info(
                "Evaluated {} on {} samples in {} segments in {} s",
                recommender.name(),
                samples.size(),
                segmentReports.size(),
                String.format(Locale.ROOT, "%.3f", seconds));
        return report;
    }

    private static boolean isRepeat(SampleSet samples, int i, int target) {
        if (target == IdVocabulary.UNKNOWN) {
            return false;
        }
        for (int step = 0; step < samples.windowLength(); step++) {
            if (samples.show(i, step) == target) {
                return true;
            }
        }
        return false;
    }

    /** Returns the history, asset and target segments of sample {@code i}. */
    private List<Segment> segmentsOf(SampleSet samples, int i, boolean repeat) {
        int length = samples.historyLength(i);
        int asset = samples.assets()[(i + 1) * samples.windowLength() - 1];
        return List.of(
                new Segment("0-" + historyBucket(length), historySegment(length)),
                new Segment(String.format(Locale.ROOT, "1-%03d", asset), assetSegment(asset)),
                repeat ? new Segment("2-0", "target=repeat") : new Segment("2-1", "target=new"));
    }

    /**
     * One segment of a sample. The sort key orders segments by kind, then by history bucket, asset
     * index or target kind, which differs from the alphabetical order of the names.
     */
    private record Segment(String sortKey, String name) {}

    private String assetSegment(int asset) {
        if (asset == IdVocabulary.PADDING) {
            return "asset=none";
        }
        if (asset == IdVocabulary.UNKNOWN) {
            return "asset=UNKNOWN";
        }
        int position = asset - IdVocabulary.RESERVED;
        if (position < 0 || position >= assetNames.size()) {
            throw new IllegalArgumentException(
                    "asset index "
                            + asset
                            + " has no name; pass the asset vocabulary's names, found "
                            + assetNames);
        }
        return "asset=" + assetNames.get(position);
    }
}
