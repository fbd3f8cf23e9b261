package dev.tvrecsys.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The summary tables of a results run, one per data set: a row per model and a column per protocol,
 * each cell {@code recall@10 / NDCG@10 (discovery recall@10)} with the highest recall@10 of each
 * column in bold.
 */
final class ResultsSummary {

    /** The summary values of one model on one data set and protocol. */
    record Cell(
            String dataset,
            String protocol,
            String model,
            double recall,
            double ndcg,
            double discoveryRecall) {}

    private ResultsSummary() {}

    /** Returns the markdown tables of {@code cells}, in the order the cells first name them. */
    static String markdown(List<Cell> cells) {
        Set<String> datasets = new LinkedHashSet<>();
        cells.forEach(cell -> datasets.add(cell.dataset()));
        List<String> tables = new ArrayList<>();
        for (String dataset : datasets) {
            tables.add(table(dataset, cells.stream().filter(c -> c.dataset().equals(dataset))));
        }
        return String.join("\n", tables);
    }

    private static String table(String dataset, Stream<Cell> ofDataset) {
        Set<String> protocols = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        Map<String, Cell> byKey = new LinkedHashMap<>();
        Map<String, Double> bestRecall = new LinkedHashMap<>();
        ofDataset.forEach(
                cell -> {
                    protocols.add(cell.protocol());
                    models.add(cell.model());
                    byKey.put(cell.protocol() + "/" + cell.model(), cell);
                    bestRecall.merge(cell.protocol(), cell.recall(), Math::max);
                });

        StringBuilder text = new StringBuilder();
        text.append(dataset).append(": recall@10 / NDCG@10 (discovery recall@10)\n\n");
        text.append("| model | ").append(String.join(" | ", protocols)).append(" |\n");
        text.append("|---|").append("---:|".repeat(protocols.size())).append('\n');
        for (String model : models) {
            text.append("| ").append(model).append(" |");
            for (String protocol : protocols) {
                Cell cell = byKey.get(protocol + "/" + model);
                text.append(' ');
                if (cell != null) {
                    String recall = format(cell.recall());
                    if (cell.recall() == bestRecall.get(protocol)) {
                        recall = "**" + recall + "**";
                    }
                    text.append(recall)
                            .append(" / ")
                            .append(format(cell.ndcg()))
                            .append(" (")
                            .append(format(cell.discoveryRecall()))
                            .append(')');
                }
                text.append(" |");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
