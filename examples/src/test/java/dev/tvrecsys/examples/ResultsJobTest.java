package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.io.Format;
import dev.tvrecsys.data.protocol.TrainingSamples;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import dev.tvrecsys.eval.MetricsReport;
import dev.tvrecsys.eval.ResultRow;
import dev.tvrecsys.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJobTest {

    private static final List<String> MODELS =
            List.of(
                    "most-popular",
                    "most-popular-recent",
                    "recent-history",
                    "markov",
                    "co-occurrence",
                    "sknn",
                    "v-sknn",
                    "lstm-reference",
                    "lstm");

    @Test
    void run_everyModelAndProtocolWithTables(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("playback.parquet");
        SyntheticPlaybackGenerator.write(
                log,
                SyntheticPlaybackGenerator.Config.defaults()
                        .withViewers(150)
                        .withDays(6)
                        .withShows(60)
                        .withSeed(5));
        Path output = dir.resolve("results");
        TrainingConfig tuned =
                TrainingConfig.defaults()
                        .withEpochs(2)
                        .withBatchSize(64)
                        .withLearningRate(0.004f)
                        .withLossSteps(20)
                        .withRestoreBest(true);
        ResultsJob.Settings settings =
                new ResultsJob.Settings(
                        List.of(new ResultsJob.Dataset("tiny", log, Format.PLAYBACK_PARQUET)),
                        List.of("random-window", "leave-one-out", "time-split"),
                        TrainingSamples.strided(20),
                        ResultsMain.TUNED_MODEL.withHiddenSize(16).withEmbeddingSizes(8, 4),
                        tuned,
                        false,
                        0,
                        false,
                        output);
        List<ResultRow> rows = new ResultsJob(settings).run();

        assertEquals(3 * MODELS.size(), rows.size());
        for (String protocol : List.of("random-window", "leave-one-out", "time-split")) {
            Set<String> models =
                    rows.stream()
                            .filter(row -> row.protocol().equals(protocol))
                            .map(ResultRow::model)
                            .collect(Collectors.toSet());
            assertEquals(Set.copyOf(MODELS), models, protocol);
        }
        for (ResultRow row : rows) {
            double recall = row.report().value(MetricsReport.RECALL, 10);
            assertTrue(recall >= 0, row.model() + " recall@10 " + recall);
            assertTrue(recall <= 1, row.model() + " recall@10 " + recall);
            double recallAt20 = row.report().value(MetricsReport.RECALL, 20);
            assertTrue(recallAt20 >= recall, row.model() + " recall@20 below recall@10");
        }
        for (String file : List.of("results.md", "results.csv", "results.json", "segments.json")) {
            assertTrue(Files.size(output.resolve(file)) > 0, file);
        }
        String histories = Files.readString(output.resolve("histories.json"));
        assertTrue(histories.contains("tiny/leave-one-out/lstm"), histories);
        assertTrue(Files.exists(output.resolve("charts").resolve("recall-tiny-leave-one-out.png")));
        assertTrue(Files.exists(output.resolve("charts").resolve("training-tiny-time-split.png")));
        String markdown = Files.readString(output.resolve("results.md"));
        assertTrue(markdown.contains("| tiny | time-split | lstm |"), markdown);
        String summary = Files.readString(output.resolve("summary.md"));
        assertTrue(
                summary.startsWith(
                        "tiny: recall@10 / NDCG@10 (discovery recall@10)\n\n"
                                + "| model | random-window | leave-one-out | time-split |\n"),
                summary);
        assertEquals(MODELS.size() + 4, summary.split("\n").length, summary);
    }

    private static ResultsJob jobWith(TrainingSamples samples) {
        return new ResultsJob(
                new ResultsJob.Settings(
                        List.of(),
                        List.of("leave-one-out"),
                        samples,
                        ResultsMain.TUNED_MODEL,
                        TrainingConfig.defaults(),
                        true,
                        0,
                        false,
                        Path.of("unused")));
    }

    @Test
    void naturalLossSteps_followStrideOfWindows() {
        // Windows of 20: the reference windows never overlap, so all 20 steps are new targets.
        assertEquals(20, jobWith(TrainingSamples.strided(10)).naturalLossSteps("random-window"));
        assertEquals(10, jobWith(TrainingSamples.strided(10)).naturalLossSteps("leave-one-out"));
        assertEquals(20, jobWith(TrainingSamples.strided(20)).naturalLossSteps("time-split"));
        assertEquals(20, jobWith(TrainingSamples.strided(25)).naturalLossSteps("time-split"));
        assertEquals(20, jobWith(TrainingSamples.REFERENCE).naturalLossSteps("leave-one-out"));
        assertEquals(1, jobWith(TrainingSamples.EVERY_PREFIX).naturalLossSteps("leave-one-out"));
    }
}
