package dev.tvrecsys.examples;

import dev.tvrecsys.data.protocol.TrainingSamples;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line entry of the results table: every model on every data set and protocol.
 *
 * <p>Options: {@code --datasets synthetic,movielens-100k,movielens-1m}, {@code --protocols
 * random-window,leave-one-out,time-split}, {@code --training-samples
 * reference|every-prefix|stride-N} (default stride-10), {@code --max-train-samples N} (default 0,
 * no limit: a seeded random subset of the training samples otherwise), {@code --shared-data DIR}
 * (default {@code ../shared/data}), {@code --tuned-lstm-only true|false} (default false: also the
 * baselines and the reference LSTM), {@code --output DIR} (default {@code results}).
 *
 * <p>Settings of the tuned {@code lstm} row: {@code --epochs N} (default 30), {@code --patience N}
 * (default 4), {@code --batch-size N} (default 256), {@code --learning-rate X} (default 0.004),
 * {@code --learning-rate-decay X} (default 0.9), {@code --loss-steps N} (default 0: the window
 * length for random-window and the stride of the training samples otherwise, so that every training
 * event is a target once), {@code --hidden-size N} (default 256), {@code --embedding-size N} (show
 * embedding, default 128), {@code --dropout X} (default 0.2), {@code --input-dropout X} (default 0),
 * {@code --repeat-bias true|false} (default true) and {@code --tied-output true|false} (default
 * true).
 */
public final class ResultsMain {

    private static final List<String> KNOWN_DATASETS =
            List.of("synthetic", "movielens-100k", "movielens-1m");
    private static final List<String> KNOWN_PROTOCOLS =
            List.of("random-window", "leave-one-out", "time-split");

    /** Model of the tuned {@code lstm} row before options: see the class comment. */
    static final ModelConfig TUNED_MODEL =
            ModelConfig.defaults()
                    .withHiddenSize(256)
                    .withEmbeddingSizes(128, ModelConfig.defaults().assetEmbeddingSize())
                    .withRepeatBias(true)
                    .withTiedOutput(true);

    private ResultsMain() {}

    public static void main(String[] args) throws Exception {
        JvmSetup.configure();
        try {
            run(args);
        } catch (IllegalArgumentException
                | dev.tvrecsys.data.io.DataFormatException
                | dev.tvrecsys.model.ModelFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static boolean parseBoolean(String name, String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "option " + name + " needs true or false, found '" + text + "'");
        };
    }

    private static void run(String[] args) throws Exception {

        List<String> datasetNames = KNOWN_DATASETS;
        List<String> protocols = KNOWN_PROTOCOLS;
        TrainingSamples trainingSamples = TrainingSamples.strided(10);
        int epochs = 30;
        int patience = 4;
        int batchSize = 256;
        float learningRate = 0.004f;
        float learningRateDecay = 0.9f;
        int lossSteps = 0;
        ModelConfig model = TUNED_MODEL;
        Path sharedData = Path.of("..", "shared", "data");
        int maxTrainSamples = 0;
        boolean tunedLstmOnly = false;
        Path output = Path.of("results");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--datasets" -> datasetNames = Arrays.asList(value.split(","));
                case "--protocols" -> protocols = Arrays.asList(value.split(","));
                case "--training-samples" -> trainingSamples = TrainingSamples.parse(value);
                case "--epochs" -> epochs = JobOptions.parseInt(args[i], value);
                case "--patience" -> patience = JobOptions.parseInt(args[i], value);
                case "--batch-size" -> batchSize = JobOptions.parseInt(args[i], value);
                case "--learning-rate" -> learningRate = JobOptions.parseFloat(args[i], value);
                case "--learning-rate-decay" ->
                        learningRateDecay = JobOptions.parseFloat(args[i], value);
                case "--loss-steps" -> lossSteps = JobOptions.parseInt(args[i], value);
                case "--hidden-size" ->
                        model = model.withHiddenSize(JobOptions.parseInt(args[i], value));
                case "--embedding-size" ->
                        model =
                                model.withEmbeddingSizes(
                                        JobOptions.parseInt(args[i], value),
                                        model.assetEmbeddingSize());
                case "--dropout" ->
                        model = model.withDropout(JobOptions.parseFloat(args[i], value));
                case "--input-dropout" ->
                        model = model.withInputDropout(JobOptions.parseFloat(args[i], value));
                case "--repeat-bias" -> model = model.withRepeatBias(parseBoolean(args[i], value));
                case "--tied-output" -> model = model.withTiedOutput(parseBoolean(args[i], value));
                case "--shared-data" -> sharedData = Path.of(value);
                case "--max-train-samples" -> maxTrainSamples = JobOptions.parseInt(args[i], value);
                case "--tuned-lstm-only" -> tunedLstmOnly = parseBoolean(args[i], value);
                case "--output" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
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
        List<ResultsJob.Dataset> datasets = new ArrayList<>();
        for (ResultsJob.Dataset dataset : ResultsJob.defaultDatasets(sharedData)) {
            if (datasetNames.contains(dataset.name())) {
                datasets.add(dataset);
            }
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
        ResultsJob.Settings settings =
                new ResultsJob.Settings(
                        datasets,
                        protocols,
                        trainingSamples,
                        model,
                        TrainingConfig.defaults()
                                .withEpochs(epochs)
                                .withPatience(patience)
                                .withRestoreBest(true)
                                .withBatchSize(batchSize)
                                .withLearningRate(learningRate)
                                .withLearningRateDecay(learningRateDecay)
                                .withLossSteps(Math.max(1, lossSteps)),
                        lossSteps == 0,
                        maxTrainSamples,
                        tunedLstmOnly,
                        output);
        new ResultsJob(settings).run();
        System.out.println("Wrote " + output.toAbsolutePath().resolve("results.md"));
    }
}
