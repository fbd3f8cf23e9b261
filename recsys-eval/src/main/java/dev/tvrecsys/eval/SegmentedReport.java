package dev.tvrecsys.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics of one {@link SegmentedEvaluator} run: overall, per segment and for discovery.
 *
 * <p>The discovery report covers the samples whose target is not in the input window, ranked
 * without the window's shows. Its values are NaN when no sample has a new target.
 */
public final class SegmentedReport {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final MetricsReport overall;
    private final Map<String, MetricsReport> segments;
    private final MetricsReport discovery;

    SegmentedReport(
            MetricsReport overall, Map<String, MetricsReport> segments, MetricsReport discovery) {
        this.overall = overall;
        this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
        this.discovery = discovery;
    }

    /**
     * Returns the metrics over all samples, with the evaluation wall time.
     *
     * @return the overall report
     */
    public MetricsReport overall() {
        return overall;
    }

    /**
     * Returns the metrics of every segment that has samples, keyed by segment name, history
     * segments first, then asset segments by asset index, then {@code target=repeat} and {@code
     * target=new}.
     *
     * @return an unmodifiable map
     */
    public Map<String, MetricsReport> segments() {
        return segments;
    }

    /**
     * Returns the metrics of one segment.
     *
     * @param name a segment name such as {@code history=5-9} or {@code asset=VOD}
     * @return the report
     * @throws IllegalArgumentException if no sample fell into that segment
     */
    public MetricsReport segment(String name) {
        MetricsReport report = segments.get(name);
        if (report == null) {
            throw new IllegalArgumentException(
                    "segment " + name + " has no samples, expected one of " + segments.keySet());
        }
        return report;
    }

    /**
     * Returns the metrics of the samples with a new target, ranked without the window's shows.
     *
     * @return the discovery report
     */
    public MetricsReport discovery() {
        return discovery;
    }

    /**
     * Returns the discovery recall at one cut-off.
     *
     * @param k a cut-off of the evaluation
     * @return the share of new targets in the top k among shows outside the input window, or NaN
     *     when no sample has a new target
     * @throws IllegalArgumentException if {@code k} was not evaluated
     */
    public double discoveryRecall(int k) {
        return discovery.value(MetricsReport.RECALL, k);
    }

    /**
     * Converts this report to plain maps for JSON, with the keys {@code overall}, {@code segments}
     * (segment name, then {@link MetricsReport#toMap()}) and {@code discovery}.
     *
     * @return a new mutable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("overall", overall.toMap());
        Map<String, Object> bySegment = new LinkedHashMap<>();
        segments.forEach((name, report) -> bySegment.put(name, report.toMap()));
        map.put("segments", bySegment);
        map.put("discovery", discovery.toMap());
        return map;
    }

    /**
     * Serializes {@link #toMap()} as indented JSON.
     *
     * @return the JSON text
     * @throws IllegalStateException if Jackson fails to serialize the map
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to serialize segmented report to JSON", e);
        }
    }
}
