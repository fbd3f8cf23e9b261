package dev.tvrecsys.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tvrecsys.data.io.TemporaryFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes results tables, one row per (dataset, protocol, model), as markdown, CSV and JSON.
 *
 * <p>The markdown and CSV tables have the columns {@code dataset}, {@code protocol}, {@code model},
 * {@code sample_count} and one {@code metric@k} column per chosen metric and cut-off. Markdown
 * rounds values to 4 decimals for reading. CSV keeps the shortest text that reads back as the same
 * double ({@link Double#toString(double)}), and quotes a field that contains a comma, a quote or a
 * line break as RFC 4180 describes. JSON lists every row with its full {@link
 * MetricsReport#toMap()}, so it has all metrics and cut-offs whatever the chosen columns.
 */
public final class ResultsTableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsTableWriter.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> metrics;
    private final List<Integer> ks;

    /**
     * Creates a writer for the given table columns.
     *
     * @param metrics metric names from {@link MetricsReport#METRICS}, in column order
     * @param ks cut-offs, in column order within each metric
     * @throws IllegalArgumentException if a list is empty or a metric name is unknown
     */
    public ResultsTableWriter(List<String> metrics, List<Integer> ks) {
        if (metrics.isEmpty() || ks.isEmpty()) {
            throw new IllegalArgumentException(
                    "metrics and ks must not be empty, found " + metrics + " and " + ks);
        }
        for (String metric : metrics) {
            if (!MetricsReport.METRICS.contains(metric)) {
                throw new IllegalArgumentException(
                        "unknown metric " + metric + ", expected one of " + MetricsReport.METRICS);
            }
        }
        this.metrics = List.copyOf(metrics);
        this.ks = List.copyOf(ks);
    }

    /**
     * Renders the rows as a markdown table with values rounded to 4 decimals.
     *
     * @param rows the rows, in table order
     * @return the table, each line ending with a newline
     * @throws IllegalArgumentException if a report lacks a chosen metric or cut-off
     */
    public String markdown(List<ResultRow> rows) {
        StringBuilder text = new StringBuilder("| dataset | protocol | model | sample_count |");
        StringBuilder separator = new StringBuilder("|---|---|---|---:|");
        for (String column : valueColumns()) {
            text.append(' ').append(column).append(" |");
            separator.append("---:|");
        }
        text.append('\n').append(separator).append('\n');
        for (ResultRow row : rows) {
            text.append("| ").append(row.dataset());
            text.append(" | ").append(row.protocol());
            text.append(" | ").append(row.model());
            text.append(" | ").append(row.report().sampleCount()).append(" |");
            for (String metric : metrics) {
                for (int k : ks) {
                    double value = row.report().value(metric, k);
                    text.append(' ').append(String.format(Locale.ROOT, "%.4f", value));
                    text.append(" |");
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Renders the rows as CSV with a header line.
     *
     * @param rows the rows, in table order
     * @return the CSV text, each line ending with a newline
     * @throws IllegalArgumentException if a report lacks a chosen metric or cut-off
     */
    public String csv(List<ResultRow> rows) {
        List<String> header = new ArrayList<>(List.of("dataset", "protocol", "model"));
        header.add("sample_count");
        header.addAll(valueColumns());
        StringBuilder text = new StringBuilder();
        appendCsvLine(text, header);
        for (ResultRow row : rows) {
            List<String> fields = new ArrayList<>();
            fields.add(row.dataset());
            fields.add(row.protocol());
            fields.add(row.model());
            fields.add(Long.toString(row.report().sampleCount()));
            for (String metric : metrics) {
                for (int k : ks) {
                    fields.add(Double.toString(row.report().value(metric, k)));
                }
            }
            appendCsvLine(text, fields);
        }
        return text.toString();
    }

    /**
     * Renders the rows as a JSON array of objects with the keys {@code dataset}, {@code protocol},
     * {@code model} and {@code report}, the last one as {@link MetricsReport#toMap()} writes it.
     *
     * @param rows the rows, in table order
     * @return the indented JSON text
     * @throws IllegalStateException if Jackson fails to serialize the rows
     */
    public String json(List<ResultRow> rows) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (ResultRow row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("dataset", row.dataset());
            object.put("protocol", row.protocol());
            object.put("model", row.model());
            object.put("report", row.report().toMap());
            objects.add(object);
        }
        try {
            return JSON.writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to serialize results table to JSON", e);
        }
    }

    /**
     * Writes {@code baseName.md}, {@code baseName.csv} and {@code baseName.json} into {@code
     * directory}, creating it if needed. Each file is written to a temporary file in the same
     * directory and then renamed over the target, so a reader never sees a partly written table.
     *
     * @param directory the output directory
     * @param baseName the file name without extension
     * @param rows the rows, in table order
     * @return the three paths, in the order markdown, CSV, JSON
     * @throws IOException if a file cannot be written or renamed
     * @throws IllegalArgumentException if a report lacks a chosen metric or cut-off
     */
    public List<Path> write(Path directory, String baseName, List<ResultRow> rows)
            throws IOException {
        // Render everything first, so a bad row fails before any file changes.
        String markdown = markdown(rows);
        String csv = csv(rows);
        String json = json(rows);
        Files.createDirectories(directory);
        Path markdownPath = directory.resolve(baseName + ".md");
        Path csvPath = directory.resolve(baseName + ".csv");
        Path jsonPath = directory.resolve(baseName + ".json");
        writeAtomically(markdownPath, markdown);
        writeAtomically(csvPath, csv);
        writeAtomically(jsonPath, json);
        LOG.info(
                "Wrote {} result rows to {}.md, .csv and .json",
                rows.size(),
                directory.resolve(baseName));
        return List.of(markdownPath, csvPath, jsonPath);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = TemporaryFiles.createBeside(target);
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(
                        temporary,
                        target,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.warn(
                        "Atomic rename is not supported for {}, replacing it non-atomically: {}",
                        target,
                        e.getMessage());
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private List<String> valueColumns() {
        List<String> columns = new ArrayList<>();
        for (String metric : metrics) {
            for (int k : ks) {
                columns.add(metric + "@" + k);
            }
        }
        return columns;
    }

    private static void appendCsvLine(StringBuilder text, List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                text.append(',');
            }
            text.append(csvField(fields.get(f)));
        }
        text.append('\n');
    }

    private static String csvField(String value) {
        boolean needsQuotes =
                value.indexOf(',') >= 0
                        || value.indexOf('"') >= 0
                        || value.indexOf('\n') >= 0
                        || value.indexOf('\r') >= 0;
        if (!needsQuotes) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
