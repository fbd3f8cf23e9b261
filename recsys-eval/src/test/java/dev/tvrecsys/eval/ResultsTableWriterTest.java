package dev.tvrecsys.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableWriterTest {

    private static final ResultsTableWriter WRITER =
            new ResultsTableWriter(List.of(MetricsReport.RECALL, MetricsReport.MRR), List.of(1));

    /** Builds a report over 4 shows at k = 1 from ranked show and target pairs. */
    private static MetricsReport report(int[][] rankedAndTarget) {
        RankingMetrics metrics = new RankingMetrics(4, List.of(1));
        for (int[] pair : rankedAndTarget) {
            metrics.add(new int[] {pair[0]}, pair[1]);
        }
        return metrics.report();
    }

    // Row 1: show 2 ranked first twice, targets 2 and 3: one hit of two, recall@1 = mrr@1 = 0.5.
    // Row 2: show 2 ranked first, target 2: recall@1 = mrr@1 = 1.0. Its model name has a comma
    // and a quote, so the CSV field is quoted and the quote doubled.
    private static final List<ResultRow> ROWS =
            List.of(
                    new ResultRow(
                            "tiny",
                            "leave-one-out",
                            "most-popular",
                            report(new int[][] {{2, 2}, {2, 3}})),
                    new ResultRow(
                            "tiny", "time-split", "sknn, \"v2\"", report(new int[][] {{2, 2}})));

    @Test
    void csv_exactText() {
        String expected =
                "dataset,protocol,model,sample_count,recall@1,mrr@1\n"
                        + "tiny,leave-one-out,most-popular,2,0.5,0.5\n"
                        + "tiny,time-split,\"sknn, \"\"v2\"\"\",1,1.0,1.0\n";

        assertEquals(expected, WRITER.csv(ROWS));
    }

    @Test
    void markdown_exactText() {
        String expected =
                "| dataset | protocol | model | sample_count | recall@1 | mrr@1 |\n"
                        + "|---|---|---|---:|---:|---:|\n"
                        + "| tiny | leave-one-out | most-popular | 2 | 0.5000 | 0.5000 |\n"
                        + "| tiny | time-split | sknn, \"v2\" | 1 | 1.0000 | 1.0000 |\n";

        assertEquals(expected, WRITER.markdown(ROWS));
    }

    @Test
    void write_createsThreeFilesWithoutTemporaries(@TempDir Path directory) throws IOException {
        Path output = directory.resolve("results");

        List<Path> paths = WRITER.write(output, "baselines", ROWS);

        assertEquals(
                List.of(
                        output.resolve("baselines.md"),
                        output.resolve("baselines.csv"),
                        output.resolve("baselines.json")),
                paths);
        assertEquals(WRITER.csv(ROWS), Files.readString(output.resolve("baselines.csv")));
        assertEquals(WRITER.markdown(ROWS), Files.readString(output.resolve("baselines.md")));
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(3, files.count());
        }
        // The files get the permissions of any new file in the folder, not owner-only ones.
        Path plain = Files.createFile(directory.resolve("plain.txt"));
        for (Path path : paths) {
            assertEquals(
                    Files.getPosixFilePermissions(plain),
                    Files.getPosixFilePermissions(path),
                    path.toString());
        }
    }

    @Test
    void write_replacesExistingFile(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("baselines.csv"), "stale\n");

        WRITER.write(directory, "baselines", ROWS.subList(0, 1));

        assertEquals(
                "dataset,protocol,model,sample_count,recall@1,mrr@1\n"
                        + "tiny,leave-one-out,most-popular,2,0.5,0.5\n",
                Files.readString(directory.resolve("baselines.csv")));
    }

    @Test
    void json_listsRowsWithReports() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(WRITER.json(ROWS));

        assertEquals(2, rows.size());
        assertEquals("time-split", rows.get(1).get("protocol").asText());
        assertEquals(1, rows.get(1).get("report").get("sample_count").asInt());
        // JSON keeps every metric, not only the table columns: ndcg@1 of row 1 is 1/2.
        assertEquals(
                0.5,
                rows.get(0).get("report").get("metrics").get("ndcg").get("1").asDouble(),
                1e-9);
    }

    @Test
    void constructor_rejectsUnknownMetric() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ResultsTableWriter(List.of("accuracy"), List.of(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ResultsTableWriter(List.of(MetricsReport.RECALL), List.of()));
    }
}
