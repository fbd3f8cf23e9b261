package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsReportTest {

    private static final double TOLERANCE = 1e-9;

    // Five show indices, k in {1, 2}. s1: [2, 3] target 3 (rank 2), s2: [4, 2] target 4 (rank 1).
    private static MetricsReport twoSampleReport() {
        RankingMetrics metrics = new RankingMetrics(5, List.of(1, 2));
        metrics.add(new int[] {2, 3}, 3);
        metrics.add(new int[] {4, 2}, 4);
        return metrics.report();
    }

    @Test
    void value_rejectsUnknownMetricOrK() {
        MetricsReport report = twoSampleReport();

        assertThrows(IllegalArgumentException.class, () -> report.value("auc", 1));
        assertThrows(IllegalArgumentException.class, () -> report.value(MetricsReport.RECALL, 5));
    }

    @Test
    void values_listsEveryMetricInOrder() {
        MetricsReport report = twoSampleReport();

        assertEquals(MetricsReport.METRICS, List.copyOf(report.values().keySet()));
        assertEquals(List.of(1, 2), List.copyOf(report.values().get(MetricsReport.NDCG).keySet()));
        assertThrows(UnsupportedOperationException.class, () -> report.values().clear());
    }

    @Test
    void toJson_roundTripsThroughJackson() throws Exception {
        MetricsReport report = twoSampleReport().withElapsedSeconds(0.5);

        JsonNode json = new ObjectMapper().readTree(report.toJson());

        assertEquals(2, json.get("sample_count").asLong());
        assertEquals(2, json.get("ks").size());
        // recall@1 = 1/2 (s2), recall@2 = 1.
        assertEquals(0.5, json.get("metrics").get("recall").get("1").asDouble(), TOLERANCE);
        assertEquals(1.0, json.get("metrics").get("recall").get("2").asDouble(), TOLERANCE);
        assertEquals(0.5, json.get("elapsed_seconds").asDouble(), TOLERANCE);
        assertEquals(4.0, json.get("samples_per_second").asDouble(), TOLERANCE);
    }

    @Test
    void toMap_omitsUnmeasuredTime() {
        Map<String, Object> map = twoSampleReport().toMap();

        assertEquals(List.of("sample_count", "ks", "metrics"), List.copyOf(map.keySet()));
        assertTrue(Double.isNaN(twoSampleReport().samplesPerSecond()));
    }

    @Test
    void markdown_rendersRowsAndColumns() {
        Map<String, MetricsReport> byModel = new LinkedHashMap<>();
        byModel.put("a", twoSampleReport());
        RankingMetrics empty = new RankingMetrics(5, List.of(1, 2));
        empty.add(new int[] {2, 3}, 4);
        byModel.put("b", empty.report());

        String table =
                MetricsTable.markdown(
                        byModel, List.of(MetricsReport.RECALL, MetricsReport.NDCG), List.of(2));

        // a: recall@2 = 1, NDCG@2 = (1/log2(3) + 1) / 2 = 0.81546... Model b has no hit.
        String expected =
                "| model | recall@2 | ndcg@2 |\n"
                        + "|---|---:|---:|\n"
                        + "| a | 1.0000 | 0.8155 |\n"
                        + "| b | 0.0000 | 0.0000 |\n";
        assertEquals(expected, table);
    }

    @Test
    void markdown_rejectsMissingK() {
        Map<String, MetricsReport> byModel = Map.of("a", twoSampleReport());

        assertThrows(
                IllegalArgumentException.class,
                () -> MetricsTable.markdown(byModel, List.of(MetricsReport.RECALL), List.of(10)));
    }
}
