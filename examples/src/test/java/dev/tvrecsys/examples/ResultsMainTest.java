package dev.tvrecsys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.protocol.TrainingSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsMainTest {

    @TempDir Path shared;

    /** Creates an empty MovieLens-100K file, which is enough for option parsing. */
    @BeforeEach
    void createData() throws Exception {
        Files.createDirectories(shared.resolve("movielens-100k"));
        Files.createFile(shared.resolve("movielens-100k/u.data"));
    }

    private ResultsJob.Settings parse(String... options) throws Exception {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "--datasets",
                                "movielens-100k",
                                "--shared-data",
                                shared.toString()));
        args.addAll(List.of(options));
        return ResultsMain.settings(args.toArray(String[]::new));
    }

    @Test
    void settings_defaultsAreTunedRow() throws Exception {
        ResultsJob.Settings settings = parse();
        assertEquals(ResultsMain.TUNED_MODEL, settings.tunedModel());
        assertTrue(settings.tunedModel().repeatBias());
        assertTrue(settings.tunedModel().tiedOutput());
        assertEquals(TrainingSamples.strided(10), settings.trainingSamples());
        assertTrue(settings.autoLossSteps());
        assertEquals(30, settings.tunedTraining().epochs());
        assertEquals(4, settings.tunedTraining().patience());
        assertEquals(0.9f, settings.tunedTraining().learningRateDecay(), 0f);
        assertEquals(
                List.of("movielens-100k"),
                settings.datasets().stream().map(d -> d.name()).toList());
    }

    @Test
    void settings_flagsWithAndWithoutValue() throws Exception {
        ResultsJob.Settings off = parse("--repeat-bias", "false", "--tied-output", "false");
        assertFalse(off.tunedModel().repeatBias());
        assertFalse(off.tunedModel().tiedOutput());

        ResultsJob.Settings bare =
                parse("--repeat-bias", "false", "--repeat-bias", "--epochs", "3");
        assertTrue(bare.tunedModel().repeatBias());
        assertEquals(3, bare.tunedTraining().epochs());

        ResultsJob.Settings last = parse("--tuned-lstm-only");
        assertTrue(last.tunedLstmOnly());
    }

    @Test
    void settings_fixedLossSteps() throws Exception {
        ResultsJob.Settings settings = parse("--loss-steps", "5");
        assertFalse(settings.autoLossSteps());
        assertEquals(5, settings.tunedTraining().lossSteps());
    }

    @Test
    void settings_invalidOptionsNamed() {
        IllegalArgumentException flag =
                assertThrows(IllegalArgumentException.class, () -> parse("--repeat-bias", "maybe"));
        assertEquals("option --repeat-bias needs true or false, found 'maybe'", flag.getMessage());

        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> parse("--epochs"));
        assertEquals(
                "option --epochs needs a value; run with --help for the list",
                missing.getMessage());

        IllegalArgumentException steps =
                assertThrows(IllegalArgumentException.class, () -> parse("--loss-steps", "25"));
        assertTrue(steps.getMessage().startsWith("--loss-steps must be 0"), steps.getMessage());

        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> parse("--epoch", "3"));
        assertEquals(
                "unknown option '--epoch'; run with --help for the list", unknown.getMessage());
    }

    @Test
    void settings_moreInvalidValuesNamed(@TempDir Path dir) throws Exception {
        IllegalArgumentException unknownBeforeOption =
                assertThrows(IllegalArgumentException.class, () -> parse("--foo", "--epochs", "3"));
        assertEquals(
                "unknown option '--foo'; run with --help for the list",
                unknownBeforeOption.getMessage());

        IllegalArgumentException samples =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> parse("--training-samples", "stride-0"));
        assertEquals(
                "--training-samples must be reference, every-prefix or stride-N with N >= 1,"
                        + " found 'stride-0'",
                samples.getMessage());

        IllegalArgumentException negativeCap =
                assertThrows(
                        IllegalArgumentException.class, () -> parse("--max-train-samples", "-5"));
        assertEquals(
                "--max-train-samples must be 0 (all samples) or positive, found -5",
                negativeCap.getMessage());

        Path file = Files.writeString(dir.resolve("results.txt"), "kept");
        IllegalArgumentException output =
                assertThrows(
                        IllegalArgumentException.class, () -> parse("--output", file.toString()));
        assertEquals(
                "--output " + file + " exists and is not a directory; choose a directory",
                output.getMessage());
        assertEquals("kept", Files.readString(file));

        IllegalArgumentException learningRate =
                assertThrows(IllegalArgumentException.class, () -> parse("--learning-rate", "-1"));
        assertEquals(
                "--learning-rate must be positive and finite, found -1.0",
                JobOptions.inOptionTerms(learningRate.getMessage()));
    }

    @Test
    void settings_trainingValuesCheckedBeforeData(@TempDir Path empty) {
        // The data folder is empty, so a check after the data sets would report that instead.
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ResultsMain.settings(
                                        "--datasets",
                                        "movielens-1m",
                                        "--shared-data",
                                        empty.toString(),
                                        "--epochs",
                                        "-1"));
        assertEquals(
                "--epochs must be positive, found -1",
                JobOptions.inOptionTerms(error.getMessage()));
    }

    @Test
    void settings_missingDataSetsRejected(@TempDir Path empty) {
        IllegalArgumentException error =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ResultsMain.settings(
                                        "--datasets",
                                        "movielens-1m",
                                        "--shared-data",
                                        empty.toString()));
        assertTrue(error.getMessage().startsWith("none of [movielens-1m] is available"));
    }

    @Test
    void usage_listsEveryTunedOption() {
        for (String option :
                List.of(
                        "--repeat-bias",
                        "--tied-output",
                        "--input-dropout",
                        "--loss-steps",
                        "--embedding-size",
                        "--training-samples")) {
            assertTrue(ResultsMain.USAGE.contains(option), option);
        }
    }
}
