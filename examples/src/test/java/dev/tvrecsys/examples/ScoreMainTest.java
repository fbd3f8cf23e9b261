package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.io.PlaybackParquetWriter;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.model.serving.BatchScoreSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreMainTest {

    @Test
    void run_writesCsvAndParquet(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model");
        ModelConfig config =
                ModelConfig.defaults()
                        .withEmbeddingSizes(4, 3)
                        .withHiddenSize(8)
                        .withWindowLength(3);
        try (NextShowModel created =
                NextShowModel.create(
                        config,
                        IdVocabulary.fit(new int[] {10, 20, 30, 40, 50}),
                        AssetTypeVocabulary.fit(List.of()),
                        4,
                        1,
                        Device.cpu())) {
            created.save(model, "test", 1, Map.of());
        }
        Path input = dir.resolve("log.parquet");
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(input)) {
            writer.write(1, 1, 10, "VOD", 0, "1", "19:00", 30);
            writer.write(1, 1, 20, "VOD", 0, "1", "19:30", 20);
            writer.write(2, 2, 30, "CHANNEL", 0, "1", "20:00", 45);
            writer.write(3, 3, 40, "RECORDING", 0, "2", "08:00", 15);
        }

        ScoreMain.Options options =
                ScoreMain.Options.parse(
                        "--model",
                        model.toString(),
                        "--input",
                        input.toString(),
                        "--output",
                        dir.resolve("out/top").toString(),
                        "--k",
                        "2",
                        "--exclude-watched",
                        "--device",
                        "cpu");
        BatchScoreSummary summary = ScoreMain.run(options, null);

        assertEquals(3, summary.viewers());
        assertEquals(6, summary.rows());
        List<String> lines = Files.readAllLines(dir.resolve("out/top.csv"));
        assertEquals(7, lines.size());
        assertEquals("viewer_id,rank,show_id,score", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,1,"), lines.get(1));
        assertTrue(Files.size(dir.resolve("out/top.parquet")) > 0);
    }

    @Test
    void parse_rejectsMissingAndUnknownOptions() {
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ScoreMain.Options.parse("--model", "m", "--input", "in"));
        assertEquals(
                "option --output is missing; run with --help for the list", missing.getMessage());
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class, () -> ScoreMain.Options.parse("--top"));
        assertEquals("unknown option '--top'; run with --help for the list", unknown.getMessage());
        IllegalArgumentException badK =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ScoreMain.Options.parse("--k", "ten"));
        assertEquals("option --k needs an integer, found 'ten'", badK.getMessage());
    }
}
