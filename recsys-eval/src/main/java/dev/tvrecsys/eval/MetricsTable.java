package dev.tvrecsys.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders metric reports of several models as one markdown table. */
public final class MetricsTable {

    private MetricsTable() {}

    /**
     * Renders a markdown table with one row per model and one column per metric and cut-off, headed
     * {@code metric@k}, with values rounded to 4 decimals.
     *
     * @param byModel reports keyed by model name, in row order
     * @param metrics metric names from {@link MetricsReport#METRICS}, in column order
     * @param ks cut-offs, in column order within each metric
     * @return the table, one line per row, each ending with a newline
     * @throws IllegalArgumentException if a report lacks one of the metrics or cut-offs
     */
    public static String markdown(
            Map<String, MetricsReport> byModel, List<String> metrics, List<Integer> ks) {
        StringBuilder table = new StringBuilder("| model |");
        StringBuilder separator = new StringBuilder("|---|");
        for (String metric : metrics) {
            for (int k : ks) {
                table.append(' ').append(metric).append('@').append(k).append(" |");
                separator.append("---:|");
            }
        }
        table.append('\n').append(separator).append('\n');
        for (Map.Entry<String, MetricsReport> entry : byModel.entrySet()) {
            table.append("| ").append(entry.getKey()).append(" |");
            for (String metric : metrics) {
                for (int k : ks) {
                    double value = entry.getValue().value(metric, k);
                    table.append(' ').append(String.format(Locale.ROOT, "%.4f", value));
                    table.append(" |");
                }
            }
            table.append('\n');
        }
        return table.toString();
    }
}
