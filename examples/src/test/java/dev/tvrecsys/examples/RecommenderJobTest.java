package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tvrecsys.data.io.LogReaders;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import dev.tvrecsys.eval.MetricsReport;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.model.serving.History;
import dev.tvrecsys.model.serving.RecommendOptions;
import dev.tvrecsys.model.serving.ShowRecommender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderJobTest {

    @Test
    void run_writesModelMetricsAndCheckpoints(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("playback.parquet");
        SyntheticPlaybackGenerator.write(
                input, SyntheticPlaybackGenerator.Config.defaults().withViewers(400));
        Path output = dir.resolve("out");
        JobOptions options =
                JobOptions.parse(
                        "--input",
                        input.toString(),
                        "--output",
                        output.toString(),
                        "--epochs",
                        "1",
                        "--batch-size",
                        "64");

        RecommenderJob.Result result = new RecommenderJob(options).run();

        assertEquals(
                List.of("lstm", "most-popular", "markov"), List.copyOf(result.reports().keySet()));
        double recall = result.reports().get("lstm").value(MetricsReport.RECALL, 10);
        assertTrue(recall > 0, "recall@10 " + recall);
        assertTrue(recall <= 1, "recall@10 " + recall);
        assertTrue(Files.exists(output.resolve("checkpoints/epoch-1/model.json")));
        assertTrue(Files.exists(output.resolve("metrics.md")));

        JsonNode metrics = ModelStore.json().readTree(output.resolve("metrics.json").toFile());
        assertEquals(recall, metrics.at("/test_metrics/lstm/recall/10").asDouble(), 1e-12);
        assertTrue(metrics.at("/test_metrics/most-popular/recall/10").isNumber());
        assertEquals(400, metrics.at("/data/viewers").asInt());
        assertEquals(1, metrics.at("/history/epochs").size());
        assertTrue(metrics.at("/timings/train_seconds").isNumber());

        try (NextShowModel model = ModelStore.load(output.resolve("model"), Device.cpu())) {
            assertEquals(metrics.at("/data/shows").asInt() + 2, model.shows().size());
        }
        try (ShowRecommender recommender =
                ShowRecommender.load(output.resolve("model"), Device.cpu())) {
            assertEquals(400, recommender.viewerCount());
            int viewer = firstViewer(input);
            assertEquals(
                    10,
                    recommender.recommendForViewer(viewer, 10, RecommendOptions.defaults()).size());
            assertEquals(
                    5,
                    recommender.recommend(History.empty(), 5, RecommendOptions.defaults()).size());
        }
    }

    @Test
    void run_resumesFromLastCheckpoint(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("playback.parquet");
        SyntheticPlaybackGenerator.write(
                input, SyntheticPlaybackGenerator.Config.defaults().withViewers(300));
        Path output = dir.resolve("out");
        String[] common = {
            "--input", input.toString(), "--output", output.toString(), "--batch-size", "64"
        };
        RecommenderJob.Result first =
                new RecommenderJob(JobOptions.parse(concat(common, "--epochs", "1"))).run();
        IllegalArgumentException rerun =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new RecommenderJob(
                                                JobOptions.parse(concat(common, "--epochs", "2")))
                                        .run());
        assertTrue(rerun.getMessage().contains("pass --resume"), rerun.getMessage());
        IllegalArgumentException otherModel =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new RecommenderJob(
                                                JobOptions.parse(
                                                        concat(
                                                                common,
                                                                "--epochs",
                                                                "2",
                                                                "--hidden-size",
                                                                "64",
                                                                "--resume")))
                                        .run());
        assertTrue(
                otherModel.getMessage().contains(": hiddenSize was 128, now 64; resume with"),
                otherModel.getMessage());
        RecommenderJob.Result resumed =
                new RecommenderJob(JobOptions.parse(concat(common, "--epochs", "2", "--resume")))
                        .run();

        assertEquals(1, first.history().epochs().size());
        assertEquals(2, resumed.history().epochs().size());
        assertEquals(
                first.history().epochs().get(0).trainLoss(),
                resumed.history().epochs().get(0).trainLoss(),
                0.0);
        assertTrue(Files.exists(output.resolve("checkpoints/epoch-2/training-state.json")));
    }

    @Test
    void parse_rejectsResumeWithoutOutput() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--resume"));
        assertEquals(
                "--resume needs --output: the directory of the run to continue",
                error.getMessage());
    }

    private static int firstViewer(Path input) throws Exception {
        return LogReaders.read(input).log().userId(0);
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void parse_flagsWithAndWithoutValue() {
        JobOptions bare = JobOptions.parse("--repeat-bias", "--tied-output", "--epochs", "3");
        assertTrue(bare.repeatBias);
        assertTrue(bare.tiedOutput);
        assertEquals(3, bare.epochs);

        JobOptions explicit = JobOptions.parse("--repeat-bias", "false", "--tied-output", "true");
        assertFalse(explicit.repeatBias);
        assertTrue(explicit.tiedOutput);

        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> JobOptions.parse("--tied-output", "yes"));
        assertEquals("option --tied-output needs true or false, found 'yes'", error.getMessage());
    }

    @Test
    void parse_tunedPresetThenOverrides() {
        JobOptions tuned = JobOptions.parse("--tuned");
        assertEquals(256, tuned.hiddenSize);
        assertEquals(128, tuned.embeddingSize);
        assertTrue(tuned.repeatBias);
        assertTrue(tuned.tiedOutput);
        assertEquals(20, tuned.lossSteps);
        assertEquals(30, tuned.epochs);
        assertEquals(4, tuned.patience);
        assertEquals(256, tuned.batchSize);
        assertEquals(0.004f, tuned.learningRate);
        assertEquals(0.9f, tuned.learningRateDecay);

        // Options before and after the preset both override it.
        JobOptions overridden =
                JobOptions.parse("--epochs", "3", "--tuned", "--repeat-bias", "false");
        assertEquals(3, overridden.epochs);
        assertFalse(overridden.repeatBias);
        assertEquals(256, overridden.hiddenSize);

        JobOptions reference = JobOptions.parse();
        assertEquals(0, reference.patience);
        assertEquals(128, reference.hiddenSize);
        assertFalse(reference.repeatBias);
    }

    @Test
    void run_patienceTurnsOnEarlyStopping(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("playback.parquet");
        SyntheticPlaybackGenerator.write(
                input, SyntheticPlaybackGenerator.Config.defaults().withViewers(300));
        Path output = dir.resolve("out");
        JobOptions options =
                JobOptions.parse(
                        "--input", input.toString(),
                        "--output", output.toString(),
                        "--epochs", "3",
                        "--batch-size", "64",
                        "--patience", "1");

        RecommenderJob.Result result = new RecommenderJob(options).run();

        JsonNode metrics = ModelStore.json().readTree(output.resolve("metrics.json").toFile());
        assertEquals(1, metrics.at("/training_config/patience").asInt());
        assertTrue(metrics.at("/training_config/restoreBest").asBoolean());
        int epochsRun = result.history().epochs().size();
        int best = result.history().best().epoch();
        assertTrue(epochsRun - best <= 1, "ran " + epochsRun + " epochs, best " + best);
    }

    @Test
    void parse_rejectsNegativePatience(@TempDir Path dir) {
        JobOptions options =
                JobOptions.parse(
                        "--input", dir.resolve("absent.parquet").toString(),
                        "--output", dir.resolve("out").toString(),
                        "--patience", "-1");
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class, () -> new RecommenderJob(options).run());
        assertEquals(
                "invalid option value: --patience must not be negative, found -1",
                error.getMessage());
    }

    @Test
    void inOptionTerms_namesTheOption() {
        assertEquals(
                "--input-dropout must be in [0, 1), found 1.5",
                JobOptions.inOptionTerms("inputDropout must be in [0, 1), found 1.5"));
        assertEquals(
                "--embedding-size must be positive, found 0",
                JobOptions.inOptionTerms("showEmbeddingSize must be positive, found 0"));
        assertEquals("no samples", JobOptions.inOptionTerms("no samples"));
        assertEquals("", JobOptions.inOptionTerms(""));
    }

    @Test
    void parse_rejectsUnknownOptionAndBadNumber() {
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class, () -> JobOptions.parse("--epoch", "2"));
        assertEquals(
                "unknown option '--epoch'; run with --help for the list", unknown.getMessage());
        IllegalArgumentException badNumber =
                assertThrows(
                        IllegalArgumentException.class, () -> JobOptions.parse("--epochs", "two"));
        assertEquals("option --epochs needs an integer, found 'two'", badNumber.getMessage());
    }

    @Test
    void run_rejectsMissingInput(@TempDir Path dir) {
        JobOptions options =
                JobOptions.parse(
                        "--input", dir.resolve("absent.parquet").toString(),
                        "--output", dir.resolve("out").toString());
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class, () -> new RecommenderJob(options).run());
        assertTrue(error.getMessage().contains("absent.parquet"), error.getMessage());
    }

    @Test
    void differences_namesChangedModelSettings() {
        ModelConfig reference = ModelConfig.defaults();
        ModelConfig tuned = reference.withHiddenSize(256).withRepeatBias(true);
        assertEquals(
                "hiddenSize was 128, now 256, repeatBias was false, now true",
                RecommenderJob.differences(reference, tuned));
        assertEquals("", RecommenderJob.differences(tuned, tuned));
    }

    @Test
    void run_rejectsOutputThatIsFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "kept");
        JobOptions options = JobOptions.parse("--output", file.toString());
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class, () -> new RecommenderJob(options).run());
        assertEquals(
                "--output " + file + " exists and is not a directory; choose a directory",
                error.getMessage());
        assertEquals("kept", Files.readString(file));
    }

    @Test
    void run_lossStepsBeyondWindow(@TempDir Path dir) {
        JobOptions options =
                JobOptions.parse(
                        "--input", dir.resolve("absent.parquet").toString(),
                        "--output", dir.resolve("out").toString(),
                        "--loss-steps", "21");
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class, () -> new RecommenderJob(options).run());
        assertEquals(
                "invalid option value: --loss-steps must be at most the window length 20, found"
                        + " 21",
                error.getMessage());
    }
}
