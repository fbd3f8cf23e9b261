package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import dev.tvrecsys.model.ModelStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the main job twice on the same input and compares everything but times and machine. */
class DeterminismTest {

    @Test
    void run_twiceGivesSameMetrics(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("playback.parquet");
        SyntheticPlaybackGenerator.write(
                input, SyntheticPlaybackGenerator.Config.defaults().withViewers(150));

        JsonNode first = runJob(input, dir.resolve("first"));
        JsonNode second = runJob(input, dir.resolve("second"));

        assertTrue(first.at("/test_metrics/lstm/recall/10").isNumber(), first.toString());
        assertEquals(1, first.at("/history/epochs").size());
        assertEquals(first, second);
    }

    /** Runs one epoch and returns metrics.json without timings, environment and epoch speed. */
    private static JsonNode runJob(Path input, Path output) throws Exception {
        new RecommenderJob(
                        JobOptions.parse(
                                "--input",
                                input.toString(),
                                "--output",
                                output.toString(),
                                "--epochs",
                                "1",
                                "--batch-size",
                                "64"))
                .run();
        ObjectNode metrics =
                (ObjectNode) ModelStore.json().readTree(output.resolve("metrics.json").toFile());
        metrics.remove("timings");
        metrics.remove("environment");
        for (JsonNode epoch : metrics.at("/history/epochs")) {
            ((ObjectNode) epoch).remove("seconds");
            ((ObjectNode) epoch).remove("samples_per_second");
        }
        return metrics;
    }
}
