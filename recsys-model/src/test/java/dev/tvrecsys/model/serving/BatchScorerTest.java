package dev.tvrecsys.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScorerTest {

    private static final ModelConfig SMALL =
            ModelConfig.defaults().withEmbeddingSizes(4, 3).withHiddenSize(8).withWindowLength(3);
    private static final IdVocabulary SHOWS = IdVocabulary.fit(new int[] {10, 20, 30, 40, 50, 60});
    private static final AssetTypeVocabulary ASSETS = AssetTypeVocabulary.fit(List.of());
    private static final int K = 3;

    /** Viewer ids of {@link #LOG}, ascending. */
    private static final int[] VIEWERS = {3, 7, 8, 12};

    /**
     * Four viewers: 7 has more events than the window of 3, 8 has one event, and 12 watched show
     * 99, which the model does not know.
     */
    private static final EventLog LOG =
            EventLog.builder("batch test", true)
                    .add(7, 1, 40, "VOD", 0, 1, 1, 0, 10)
                    .add(3, 2, 20, "CHANNEL", 0, 2, 1, 1, 20)
                    .add(7, 1, 10, "CHANNEL", 0, 3, 1, 2, 30)
                    .add(12, 3, 99, "VOD", 0, 4, 1, 3, 5)
                    .add(7, 1, 20, "VOD", 0, 5, 1, 4, 15)
                    .add(8, 4, 60, "RECORDING", 0, 6, 1, 5, 45)
                    .add(3, 2, 30, "VOD", 0, 7, 1, 6, 25)
                    .add(7, 1, 30, "RECORDING", 0, 8, 1, 7, 35)
                    .add(12, 3, 50, "CHANNEL", 0, 9, 1, 8, 60)
                    .build();

    /** Show ids of each viewer's newest 3 events, the window that excluding watched covers. */
    private static final Map<Integer, Set<Integer>> WINDOW_SHOWS =
            Map.of(3, Set.of(20, 30), 7, Set.of(10, 20, 30), 8, Set.of(60), 12, Set.of(99, 50));

    private record Row(int viewerId, int rank, int showId, float score) {}

    private static Path saveModel(Path dir) {
        Path target = dir.resolve("model");
        try (NextShowModel model = NextShowModel.create(SMALL, SHOWS, ASSETS, 4, 7, Device.cpu())) {
            model.save(target, "test", 1, Map.of());
        }
        return target;
    }

    private static List<Row> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(TopKFiles.CSV_HEADER, lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            assertEquals(4, fields.length, line);
            rows.add(
                    new Row(
                            Integer.parseInt(fields[0]),
                            Integer.parseInt(fields[1]),
                            Integer.parseInt(fields[2]),
                            Float.parseFloat(fields[3])));
        }
        return rows;
    }

    private static List<Row> readParquet(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader =
                AvroParquetReader.<GenericRecord>builder(
                                new LocalInputFile(file), new PlainParquetConfiguration())
                        .build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                rows.add(
                        new Row(
                                (Integer) record.get("viewer_id"),
                                (Integer) record.get("rank"),
                                (Integer) record.get("show_id"),
                                (Float) record.get("score")));
            }
        }
        return rows;
    }

    private static List<String> directoryEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void score_writesKRowsPerViewer(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("out/top.csv");
        Path parquet = dir.resolve("out/top.parquet");
        BatchScoreSummary summary;
        try (ShowRecommender recommender = ShowRecommender.load(saveModel(dir), Device.cpu())) {
            summary =
                    BatchScorer.builder(recommender)
                            .k(K)
                            .batchSize(3)
                            .logInterval(Duration.ZERO)
                            .build()
                            .score(LOG, csv, parquet);
        }

        assertEquals(VIEWERS.length, summary.viewers());
        assertEquals(VIEWERS.length * K, summary.rows());
        assertTrue(summary.seconds() > 0);
        List<Row> rows = readCsv(csv);
        assertEquals(VIEWERS.length * K, rows.size());
        for (int v = 0; v < VIEWERS.length; v++) {
            for (int r = 0; r < K; r++) {
                Row row = rows.get(v * K + r);
                assertEquals(VIEWERS[v], row.viewerId(), "viewer of row " + (v * K + r));
                assertEquals(r + 1, row.rank(), "rank of row " + (v * K + r));
                if (r > 0) {
                    assertTrue(rows.get(v * K + r - 1).score() >= row.score(), "order " + row);
                }
            }
        }
        assertEquals(List.of("top.csv", "top.parquet"), directoryEntries(dir.resolve("out")));
    }

    @Test
    void score_parquetMatchesCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("top.csv");
        Path parquet = dir.resolve("top.parquet");
        try (ShowRecommender recommender = ShowRecommender.load(saveModel(dir), Device.cpu())) {
            BatchScorer.builder(recommender).k(K).build().score(LOG, csv, parquet);
        }

        List<Row> csvRows = readCsv(csv);
        List<Row> parquetRows = readParquet(parquet);
        assertEquals(VIEWERS.length * K, parquetRows.size());
        assertEquals(csvRows, parquetRows);
        assertEquals(
                "int", TopKFiles.avroSchema().getField("viewer_id").schema().getType().getName());
        assertEquals(
                "float", TopKFiles.avroSchema().getField("score").schema().getType().getName());
    }

    @Test
    void score_matchesRecommendForViewer(@TempDir Path dir) throws IOException {
        Path model = saveModel(dir);
        RecommendOptions options = RecommendOptions.builder().excludeWatched(true).build();
        Path csv = dir.resolve("top.csv");
        try (ShowRecommender recommender = ShowRecommender.load(model, Device.cpu(), LOG)) {
            BatchScorer.builder(recommender)
                    .k(K)
                    .options(options)
                    .batchSize(2)
                    .build()
                    .score(LOG, csv, dir.resolve("top.parquet"));

            List<Row> rows = readCsv(csv);
            assertEquals(VIEWERS.length * K, rows.size());
            for (int v = 0; v < VIEWERS.length; v++) {
                List<Recommendation> expected =
                        recommender.recommendForViewer(VIEWERS[v], K, options);
                assertEquals(K, expected.size(), "recommendations for viewer " + VIEWERS[v]);
                for (int r = 0; r < K; r++) {
                    Row row = rows.get(v * K + r);
                    assertEquals(expected.get(r).showId(), row.showId(), "show of " + row);
                    // A batch of 2 windows and a batch of 1 may differ in the last float bits.
                    assertEquals(expected.get(r).score(), row.score(), 1e-5f, "score of " + row);
                }
            }
        }
    }

    @Test
    void score_excludedShowsNeverAppear(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("top.csv");
        RecommendOptions options =
                RecommendOptions.builder().excludeWatched(true).excludeShowIds(40).build();
        try (ShowRecommender recommender = ShowRecommender.load(saveModel(dir), Device.cpu())) {
            BatchScorer.builder(recommender)
                    .k(K)
                    .options(options)
                    .build()
                    .score(LOG, csv, dir.resolve("top.parquet"));
        }

        // Viewer 7 watched 10, 20 and 30 in its window and 40 is excluded, so only 50 and 60 stay.
        Map<Integer, Long> rowsPerViewer =
                readCsv(csv).stream()
                        .collect(Collectors.groupingBy(Row::viewerId, Collectors.counting()));
        assertEquals(Map.of(3, 3L, 7, 2L, 8, 3L, 12, 3L), rowsPerViewer);
        for (Row row : readCsv(csv)) {
            assertNotEquals(40, row.showId(), "excluded show in " + row);
            assertFalse(
                    WINDOW_SHOWS.get(row.viewerId()).contains(row.showId()),
                    "watched show in " + row);
        }
    }

    @Test
    void score_failureKeepsOldTargets(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("top.csv");
        Path parquet = dir.resolve("top.parquet");
        Files.writeString(csv, "old csv");
        Files.writeString(parquet, "old parquet");
        ShowRecommender recommender = ShowRecommender.load(saveModel(dir), Device.cpu());
        BatchScorer scorer = BatchScorer.builder(recommender).k(K).build();
        // A closed model has freed its parameters, so the first forward pass fails.
        recommender.close();

        assertThrows(RuntimeException.class, () -> scorer.score(LOG, csv, parquet));
        assertEquals("old csv", Files.readString(csv));
        assertEquals("old parquet", Files.readString(parquet));
        assertEquals(List.of("model", "top.csv", "top.parquet"), directoryEntries(dir));
    }

    @Test
    void score_rejectsSameFileTwice(@TempDir Path dir) throws IOException {
        try (ShowRecommender recommender = ShowRecommender.load(saveModel(dir), Device.cpu())) {
            BatchScorer scorer = BatchScorer.builder(recommender).build();
            Path file = dir.resolve("top.out");
            IllegalArgumentException same =
                    assertThrows(
                            IllegalArgumentException.class, () -> scorer.score(LOG, file, file));
            assertTrue(same.getMessage().contains("different files"), same.getMessage());
            assertEquals(List.of("model"), directoryEntries(dir));
        }
    }

    @Test
    void builder_rejectsInvalidValues(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> BatchScorer.builder(null));
        try (ShowRecommender recommender = ShowRecommender.load(saveModel(dir), Device.cpu())) {
            BatchScorer.Builder builder = BatchScorer.builder(recommender);
            IllegalArgumentException k =
                    assertThrows(IllegalArgumentException.class, () -> builder.k(0));
            assertEquals("k must be positive, found 0", k.getMessage());
            IllegalArgumentException batch =
                    assertThrows(IllegalArgumentException.class, () -> builder.batchSize(-1));
            assertEquals("batch size must be positive, found -1", batch.getMessage());
            assertThrows(IllegalArgumentException.class, () -> builder.options(null));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> builder.logInterval(Duration.ofSeconds(-1)));
        }
    }
}
