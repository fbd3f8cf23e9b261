package dev.tvrecsys.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable ranking metric values of one evaluation, for each metric name and cut-off k.
 *
 * <p>The metric names are the constants of this class. {@link RankingMetrics} defines each metric
 * and its edge cases. A value is NaN when the evaluation had no samples.
 */
public final class MetricsReport {

    /** Share of samples whose target is among the top k (hit rate, one target per sample). */
    public static final String RECALL = "recall";

    /** Macro-averaged recall: unweighted mean of per-class recall. */
    public static final String RECALL_MACRO = "recall_macro";

    /** Micro-averaged precision: hits over predicted labels. */
    public static final String PRECISION_MICRO = "precision_micro";

    /** Macro-averaged precision: unweighted mean of per-class precision. */
    public static final String PRECISION_MACRO = "precision_macro";

    /** Micro-averaged F1: harmonic mean of micro precision and micro recall. */
    public static final String F1_MICRO = "f1_micro";

    /** Macro-averaged F1: unweighted mean of per-class F1. */
    public static final String F1_MACRO = "f1_macro";

    /** Normalized discounted cumulative gain with one relevant show. */
    public static final String NDCG = "ndcg";

    /** Mean reciprocal rank, 0 for targets ranked below k. */
    public static final String MRR = "mrr";

    /** Share of recommendable shows that appear in at least one top-k list. */
    public static final String COVERAGE = "coverage";

    /** All metric names, in the order reports list them. */
    public static final List<String> METRICS =
            List.of(
                    RECALL,
                    RECALL_MACRO,
                    PRECISION_MICRO,
                    PRECISION_MACRO,
                    F1_MICRO,
                    F1_MACRO,
                    NDCG,
                    MRR,
                    COVERAGE);

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Integer> ks;
    private final long sampleCount;
    private final Map<String, Map<Integer, Double>> values;
    private final double elapsedSeconds;

    /**
     * Creates a report over values keyed by metric name, then by k.
     *
     * @param ks the cut-offs, ascending
     * @param sampleCount the number of samples evaluated
     * @param values a value for every metric of {@link #METRICS} and every k of {@code ks}
     * @param elapsedSeconds the evaluation wall time, or NaN when it was not measured
     * @throws IllegalArgumentException if a metric or a cut-off is missing
     */
    MetricsReport(
            List<Integer> ks,
            long sampleCount,
            Map<String, Map<Integer, Double>> values,
            double elapsedSeconds) {
        this.ks = List.copyOf(ks);
        this.sampleCount = sampleCount;
        Map<String, Map<Integer, Double>> copy = new LinkedHashMap<>();
        for (String metric : METRICS) {
            Map<Integer, Double> byK = values.get(metric);
            if (byK == null || !byK.keySet().containsAll(this.ks)) {
                throw new IllegalArgumentException(
                        "values must contain metric " + metric + " for every k in " + this.ks);
            }
            Map<Integer, Double> byKCopy = new LinkedHashMap<>();
            for (int k : this.ks) {
                byKCopy.put(k, byK.get(k));
            }
            copy.put(metric, Collections.unmodifiableMap(byKCopy));
        }
        this.values = Collections.unmodifiableMap(copy);
        this.elapsedSeconds = elapsedSeconds;
    }

    /**
     * Returns a copy of this report with the evaluation wall time set.
     *
     * @param seconds the wall time in seconds
     * @return the new report
     */
    public MetricsReport withElapsedSeconds(double seconds) {
        return new MetricsReport(ks, sampleCount, values, seconds);
    }

    /**
     * Returns the value of one metric at one cut-off.
     *
     * @param metric a name from {@link #METRICS}
     * @param k a cut-off from {@link #ks()}
     * @return the value
     * @throws IllegalArgumentException if the metric or the cut-off is not in this report
     */
    public double value(String metric, int k) {
        Map<Integer, Double> byK = values.get(metric);
        if (byK == null) {
            throw new IllegalArgumentException(
                    "unknown metric " + metric + ", expected one of " + METRICS);
        }
        Double value = byK.get(k);
        if (value == null) {
            throw new IllegalArgumentException(
                    "k = " + k + " was not evaluated, expected one of " + ks);
        }
        return value;
    }

    /**
     * Returns the cut-offs, ascending.
     *
     * @return an unmodifiable list
     */
    public List<Integer> ks() {
        return ks;
    }

    /**
     * Returns the number of samples evaluated.
     *
     * @return the sample count
     */
    public long sampleCount() {
        return sampleCount;
    }

    /**
     * Returns all values keyed by metric name in {@link #METRICS} order, then by ascending k.
     *
     * @return an unmodifiable view
     */
    public Map<String, Map<Integer, Double>> values() {
        return values;
    }

    /**
     * Returns the evaluation wall time.
     *
     * @return seconds, or NaN when the time was not measured
     */
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    /**
     * Returns the evaluation throughput.
     *
     * @return samples per second, or NaN when the time was not measured or is zero
     */
    public double samplesPerSecond() {
        if (Double.isNaN(elapsedSeconds) || elapsedSeconds <= 0) {
            return Double.NaN;
        }
        return sampleCount / elapsedSeconds;
    }

    /**
     * Converts this report to plain maps and lists for JSON. The result has the keys {@code
     * sample_count}, {@code ks} and {@code metrics} (metric name, then k as a string, then value),
     * plus {@code elapsed_seconds} and {@code samples_per_second} when the time was measured.
     *
     * @return a new mutable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sample_count", sampleCount);
        map.put("ks", new ArrayList<>(ks));
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, Double>> entry : values.entrySet()) {
            Map<String, Double> byK = new LinkedHashMap<>();
            entry.getValue().forEach((k, value) -> byK.put(Integer.toString(k), value));
            metrics.put(entry.getKey(), byK);
        }
        map.put("metrics", metrics);
        if (!Double.isNaN(elapsedSeconds)) {
            map.put("elapsed_seconds", elapsedSeconds);
            map.put("samples_per_second", samplesPerSecond());
        }
        return map;
    }

    /**
     * Serializes {@link #toMap()} as indented JSON. Jackson writes NaN values as the string {@code
     * "NaN"}.
     *
     * @return the JSON text
     * @throws IllegalStateException if Jackson fails to serialize the map
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to serialize metrics report to JSON", e);
        }
    }

    @Override
    public String toString() {
        return "MetricsReport[" + sampleCount + " samples, " + values + "]";
    }
}
