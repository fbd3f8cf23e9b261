package dev.tvrecsys.examples;

import dev.tvrecsys.data.protocol.TrainingSamples;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry of the results table: every model on every data set and protocol.
 *
 * <p>{@link #USAGE}, which {@code --help} prints, lists every option with its default. The defaults
 * of the tuned {@code lstm} row are {@link #TUNED_MODEL} and {@link #TUNED_TRAINING} with stride-10
 * training windows: batches of 256, Adam 0.004 multiplied by 0.9 after each epoch, at most 30
 * epochs and early stopping after 4 epochs without a better validation recall@10.
 */
public final class ResultsMain {

    private static final List<String> KNOWN_DATASETS =
            List.of("synthetic", "movielens-100k", "movielens-1m");
    private static final List<String> KNOWN_PROTOCOLS =
            List.of("random-window", "leave-one-out", "time-split");

    /** Model settings of the tuned {@code lstm} row unless options change them. */
    static final ModelConfig TUNED_MODEL =
            ModelConfig.defaults()
                    .withHiddenSize(256)
                    .withEmbeddingSizes(128, ModelConfig.defaults().assetEmbeddingSize())
                    .withRepeatBias(true)
                    .withTiedOutput(true);

    /**
     * Training settings of the tuned {@code lstm} row unless options change them. The loss steps
     * are chosen per protocol, so this record keeps the reference value of 1.
     */
    static final TrainingConfig TUNED_TRAINING =
            TrainingConfig.defaults()
                    .withEpochs(30)
                    .withPatience(4)
                    .withRestoreBest(true)
                    .withBatchSize(256)
                    .withLearningRate(0.004f)
                    .withLearningRateDecay(0.9f);

    /** Options that take a value. */
    private static final List<String> VALUE_OPTIONS =
            List.of(
                    "--datasets",
                    "--protocols",
                    "--training-samples",
                    "--epochs",
                    "--patience",
                    "--batch-size",
                    "--learning-rate",
                    "--learning-rate-decay",
                    "--loss-steps",
                    "--hidden-size",
                    "--embedding-size",
                    "--dropout",
                    "--input-dropout",
                    "--shared-data",
                    "--max-train-samples",
                    "--output");

    /** Options that take no value, or an explicit {@code true} or {@code false}. */
    private static final List<String> FLAGS =
            List.of("--repeat-bias", "--tied-output", "--tuned-lstm-only");

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: results [options]",
                    "  --datasets NAMES        comma-separated: synthetic, movielens-100k,"
                            + " movielens-1m (default all that exist)",
                    "  --protocols NAMES       comma-separated: random-window, leave-one-out,"
                            + " time-split (default all)",
                    "  --training-samples S    reference, every-prefix or stride-N for"
                            + " leave-one-out and time-split (default stride-10)",
                    "  --max-train-samples N   keep a seeded random subset of N training samples"
                            + " (default 0: all)",
                    "  --shared-data DIR       folder with movielens-100k/ and movielens-1m/"
                            + " (default ../shared/data)",
                    "  --tuned-lstm-only [B]   train only the tuned lstm row (default false)",
                    "  --output DIR            output directory (default results, and runs/results"
                            + " through results.sh)",
                    "Settings of the tuned lstm row:",
                    "  --epochs N              maximum epochs (default 30)",
                    "  --patience N            epochs without a better validation recall@10"
                            + " before stopping (default 4)",
                    "  --batch-size N          windows per step (default 256)",
                    "  --learning-rate X       Adam learning rate (default 0.004)",
                    "  --learning-rate-decay X factor applied after each epoch (default 0.9)",
                    "  --loss-steps N          newest steps of each window with a loss, 1 to 20,"
                            + " or 0 for the window length on random-window and the stride"
                            + " otherwise (default 0)",
                    "  --hidden-size N         LSTM hidden size (default 256)",
                    "  --embedding-size N      show embedding width (default 128)",
                    "  --dropout X             dropout rate before the output layer (default"
                            + " 0.2)",
                    "  --input-dropout X       dropout rate on the LSTM inputs (default 0)",
                    "  --repeat-bias [B]       learn scores for shows in the window (default"
                            + " true)",
                    "  --tied-output [B]       score shows with the show embedding (default"
                            + " true)",
                    "  --help                  print this text",
                    "B is true or false; a flag without a value means true.");

    private ResultsMain() {}

    public static void main(String[] args) throws Exception {
        JvmSetup.configure();
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + JobOptions.inOptionTerms(e.getMessage()));
            System.exit(1);
        } catch (dev.tvrecsys.data.io.DataFormatException
                | dev.tvrecsys.model.ModelFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        ResultsJob.Settings settings = settings(args);
        new ResultsJob(settings).run();
        System.out.println("Wrote " + settings.output().toAbsolutePath().resolve("results.md"));
    }

    /**
     * Parses the options into the settings of a results run.
     *
     * @throws IllegalArgumentException naming the option and value when one is invalid, or when
     *     none of the requested data sets exists
     * @throws IOException if generating the synthetic log fails
     */
    static ResultsJob.Settings settings(String... args) throws IOException {

        List<String> datasetNames = KNOWN_DATASETS;
        List<String> protocols = KNOWN_PROTOCOLS;
        TrainingSamples trainingSamples = TrainingSamples.strided(10);
        int epochs = TUNED_TRAINING.epochs();
        int patience = TUNED_TRAINING.patience();
        int batchSize = TUNED_TRAINING.batchSize();
        float learningRate = TUNED_TRAINING.learningRate();
        float learningRateDecay = TUNED_TRAINING.learningRateDecay();
        int lossSteps = 0;
        ModelConfig model = TUNED_MODEL;
        Path sharedData = Path.of("..", "shared", "data");
        int maxTrainSamples = 0;
        boolean tunedLstmOnly = false;
        Path output = Path.of("results");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                boolean flag = true;
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    flag = JobOptions.parseFlag(name, args[++i]);
                }
                switch (name) {
                    case "--repeat-bias" -> model = model.withRepeatBias(flag);
                    case "--tied-output" -> model = model.withTiedOutput(flag);
                    default -> tunedLstmOnly = flag;
                }
                continue;
            }
            if (!VALUE_OPTIONS.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown option '" + name + "'; run with --help for the list");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(
                        "option " + name + " needs a value; run with --help for the list");
            }
            String value = args[++i];
            switch (name) {
                case "--datasets" -> datasetNames = Arrays.asList(value.split(","));
                case "--protocols" -> protocols = Arrays.asList(value.split(","));
                case "--training-samples" -> trainingSamples = parseTrainingSamples(value);
                case "--epochs" -> epochs = JobOptions.parseInt(name, value);
                case "--patience" -> patience = JobOptions.parseInt(name, value);
                case "--batch-size" -> batchSize = JobOptions.parseInt(name, value);
                case "--learning-rate" -> learningRate = JobOptions.parseFloat(name, value);
                case "--learning-rate-decay" ->
                        learningRateDecay = JobOptions.parseFloat(name, value);
                case "--loss-steps" -> lossSteps = JobOptions.parseInt(name, value);
                case "--hidden-size" ->
                        model = model.withHiddenSize(JobOptions.parseInt(name, value));
                case "--embedding-size" ->
                        model =
                                model.withEmbeddingSizes(
                                        JobOptions.parseInt(name, value),
                                        model.assetEmbeddingSize());
                case "--dropout" -> model = model.withDropout(JobOptions.parseFloat(name, value));
                case "--input-dropout" ->
                        model = model.withInputDropout(JobOptions.parseFloat(name, value));
                case "--shared-data" -> sharedData = Path.of(value);
                case "--max-train-samples" -> maxTrainSamples = JobOptions.parseInt(name, value);
                case "--output" -> output = Path.of(value);
                default ->
                        throw new IllegalArgumentException(
                                "unknown option '" + name + "'; run with --help for the list");
            }
        }
        if (maxTrainSamples < 0) {
            throw new IllegalArgumentException(
                    "--max-train-samples must be 0 (all samples) or positive, found "
                            + maxTrainSamples);
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IllegalArgumentException(
                    "--output " + output + " exists and is not a directory; choose a directory");
        }
        if (lossSteps < 0 || lossSteps > model.windowLength()) {
            throw new IllegalArgumentException(
                    "--loss-steps must be 0 (chosen per protocol) or in [1, "
                            + model.windowLength()
                            + "], found "
                            + lossSteps);
        }
        for (String name : datasetNames) {
            if (!KNOWN_DATASETS.contains(name)) {
                throw new IllegalArgumentException(
                        "--datasets takes names from " + KNOWN_DATASETS + ", found '" + name + "'");
            }
        }
        for (String name : protocols) {
            if (!KNOWN_PROTOCOLS.contains(name)) {
                throw new IllegalArgumentException(
                        "--protocols takes names from "
                                + KNOWN_PROTOCOLS
                                + ", found '"
                                + name
                                + "'");
            }
        }
        // Checked before the data sets, whose synthetic log is generated when missing.
        TrainingConfig training =
                TrainingConfig.defaults()
                        .withEpochs(epochs)
                        .withPatience(patience)
                        .withRestoreBest(true)
                        .withBatchSize(batchSize)
                        .withLearningRate(learningRate)
                        .withLearningRateDecay(learningRateDecay)
                        .withLossSteps(Math.max(1, lossSteps));
        List<ResultsJob.Dataset> datasets = new ArrayList<>();
        for (ResultsJob.Dataset dataset : ResultsJob.defaultDatasets(sharedData, datasetNames)) {
            datasets.add(dataset);
        }
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException(
                    "none of "
                            + datasetNames
                            + " is available: the MovieLens files are read from "
                            + sharedData.toAbsolutePath()
                            + "; pass --shared-data with the folder that holds movielens-100k/"
                            + " and movielens-1m/");
        }
        return new ResultsJob.Settings(
                datasets,
                protocols,
                trainingSamples,
                model,
                training,
                lossSteps == 0,
                maxTrainSamples,
                tunedLstmOnly,
                output);
    }

    /** Parses a {@code --training-samples} value, naming the option in the error. */
    private static TrainingSamples parseTrainingSamples(String value) {
        try {
            return TrainingSamples.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--training-samples must be reference, every-prefix or stride-N with N >= 1,"
                            + " found '"
                            + value
                            + "'",
                    e);
        }
    }
}
