package dev.tvrecsys.examples;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.Split;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import dev.tvrecsys.data.io.Format;
import dev.tvrecsys.data.io.LogReaders;
import dev.tvrecsys.data.io.ReadOptions;
import dev.tvrecsys.data.io.ReadResult;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import dev.tvrecsys.eval.Evaluator;
import dev.tvrecsys.eval.MarkovRecommender;
import dev.tvrecsys.eval.MetricsReport;
import dev.tvrecsys.eval.MetricsTable;
import dev.tvrecsys.eval.MostPopularRecommender;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.LstmRecommender;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.model.serving.ShowRecommender;
import dev.tvrecsys.profile.DataProfiler;
import dev.tvrecsys.train.CheckpointListener;
import dev.tvrecsys.train.NextShowTrainer;
import dev.tvrecsys.train.ProgressListener;
import dev.tvrecsys.train.TrainingCheckpoint;
import dev.tvrecsys.train.TrainingConfig;
import dev.tvrecsys.train.TrainingHistory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: read a log (or generate the default one), window it, split it 70/10/20, train the
 * LSTM, and evaluate it beside the most-popular and Markov baselines on the same test split.
 *
 * <p>The output directory receives {@code model/} (the saved model), {@code checkpoints/} (one
 * model per epoch), {@code metrics.json} and {@code metrics.md}.
 */
public final class RecommenderJob {

    private static final Logger LOG = LoggerFactory.getLogger(RecommenderJob.class);

    /** Test sample count below which the job warns that its metrics are unreliable. */
    static final int MIN_RELIABLE_TEST_SAMPLES = 100;

    /** Cut-offs reported for every metric. */
    public static final List<Integer> KS = List.of(1, 5, 10, 20);

    private final JobOptions options;

    public RecommenderJob(JobOptions options) {
        this.options = options;
    }

    /** Result of a run: the metric reports by model name, and where everything was written. */
    public record Result(
            Map<String, MetricsReport> reports, TrainingHistory history, Path outputDirectory) {}

    /**
     * Runs the whole job.
     *
     * @return the reports and the output directory
     * @throws IOException if reading the input or writing the output fails
     */
    public Result run() throws IOException {
        long jobStart = System.nanoTime();
        Map<String, Object> timings = new LinkedHashMap<>();
        Path output = options.outputOrDefault();
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IllegalArgumentException(
                    "--output " + output + " exists and is not a directory; choose a directory");
        }
        Files.createDirectories(output);

        // Options are checked before the engine starts and the input is read.
        ModelConfig modelConfig;
        TrainingConfig trainingConfig;
        try {
            modelConfig =
                    ModelConfig.defaults()
                            .withHiddenSize(options.hiddenSize)
                            .withLayers(options.layers)
                            .withDropout(options.dropout)
                            .withInputDropout(options.inputDropout)
                            .withRepeatBias(options.repeatBias)
                            .withTiedOutput(options.tiedOutput)
                            .withEmbeddingSizes(
                                    options.embeddingSize,
                                    ModelConfig.defaults().assetEmbeddingSize())
                            .withMinutesScaling(
                                    ModelConfig.MinutesScaling.parse(options.minutesScaling));
            trainingConfig =
                    TrainingConfig.defaults()
                            .withEpochs(options.epochs)
                            .withBatchSize(options.batchSize)
                            .withLearningRate(options.learningRate)
                            .withLearningRateDecay(options.learningRateDecay)
                            .withLossSteps(options.lossSteps)
                            .withPatience(options.patience)
                            .withRestoreBest(options.patience > 0)
                            .withSeed(options.seed);
            if (options.lossSteps > modelConfig.windowLength()) {
                throw new IllegalArgumentException(
                        "--loss-steps must be at most the window length "
                                + modelConfig.windowLength()
                                + ", found "
                                + options.lossSteps);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid option value: " + JobOptions.inOptionTerms(e.getMessage()), e);
        }
        Engine engine = Engines.start();
        Device device = Engines.parseDevice(options.device);
        LOG.info("Output directory {}", output.toAbsolutePath());

        long start = System.nanoTime();
        Path input = ensureInput(options);
        Format format = format(options, input);
        ReadOptions readOptions = ReadOptions.defaults().withSkipBadRows(options.skipBadRows);
        ReadResult read = LogReaders.read(input, format, readOptions);
        EventLog log = read.log();
        timings.put("read_seconds", seconds(start));
        LOG.info(
                "Read {} events from {} ({}), {} rows skipped",
                log.size(),
                input,
                format,
                read.report().skippedTotal());

        start = System.nanoTime();
        ViewerHistories histories = ViewerHistories.of(log);
        DataProfiler.profile(histories).summary().forEach(line -> LOG.info("{}", line));
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        Windowing windowing = Windowing.reference();
        SampleSet samples = windowing.samples(histories, shows, assets);
        Split split = Split.random(samples.size(), 0.7, 0.1, options.seed);
        SampleSet train = samples.subset(split.train());
        SampleSet validation = samples.subset(split.validation());
        SampleSet test = samples.subset(split.test());
        timings.put("window_seconds", seconds(start));
        LOG.info(
                "{} viewers, {} shows, asset types found {}; {} samples: {} train, {} validation,"
                        + " {} test",
                histories.viewerCount(),
                shows.size() - IdVocabulary.RESERVED,
                log.assetTypeNames(),
                samples.size(),
                train.size(),
                validation.size(),
                test.size());

        if (test.size() < MIN_RELIABLE_TEST_SAMPLES) {
            LOG.warn(
                    "Only {} test samples: metrics this small vary a lot between seeds; the"
                            + " reference windowing needs viewers with at least 23 events",
                    test.size());
        }
        String dataSource = input.toAbsolutePath() + " (" + format + ")";

        Map<String, MetricsReport> reports = new LinkedHashMap<>();
        TrainingHistory history;
        Path checkpoints = output.resolve("checkpoints");
        if (!options.resume && TrainingCheckpoint.latest(checkpoints) != null) {
            // A new run would mix its checkpoints with the old run's, and a later --resume
            // could continue from the old run's newer epoch.
            throw new IllegalArgumentException(
                    checkpoints
                            + " already holds checkpoints of an earlier run; pass --resume to"
                            + " continue that run, or choose another --output");
        }
        Path resumeFrom = options.resume ? TrainingCheckpoint.latest(checkpoints) : null;
        if (options.resume && resumeFrom == null) {
            LOG.info("No checkpoint under {}; starting from the first epoch", checkpoints);
        }
        try (NextShowModel model =
                resumeFrom != null
                        ? loadCheckpoint(resumeFrom, device, shows, assets, modelConfig)
                        : NextShowModel.create(
                                modelConfig,
                                shows,
                                assets,
                                windowing.stride(),
                                options.seed,
                                device)) {
            start = System.nanoTime();
            NextShowTrainer trainer =
                    new NextShowTrainer(
                            trainingConfig,
                            List.of(
                                    new ProgressListener(
                                            trainingConfig.progressInterval(),
                                            System.console() != null),
                                    new CheckpointListener(checkpoints, dataSource, options.seed)));
            history =
                    resumeFrom != null
                            ? resume(trainer, model, train, validation, resumeFrom, trainingConfig)
                            : trainer.fit(model, train, validation);
            timings.put("train_seconds", seconds(start));

            start = System.nanoTime();
            Evaluator evaluator = Evaluator.builder().ks(KS).build();
            List<Recommender> recommenders =
                    List.of(
                            new LstmRecommender(model),
                            MostPopularRecommender.fit(train, shows.size()),
                            MarkovRecommender.fit(train, shows.size()));
            for (Recommender recommender : recommenders) {
                reports.put(recommender.name(), evaluator.evaluate(recommender, test));
            }
            timings.put("evaluate_seconds", seconds(start));

            Map<String, Object> modelMetrics = new LinkedHashMap<>();
            modelMetrics.put("test", reports.get("lstm").values());
            modelMetrics.put("history", history.toMap());
            Path modelDirectory = output.resolve("model");
            model.save(modelDirectory, dataSource, options.seed, modelMetrics);
            // Serving needs a ranking for empty histories and every viewer's newest window.
            ShowRecommender.savePopularity(
                    modelDirectory, MostPopularRecommender.fit(train, shows.size()).popularity());
            ShowRecommender.saveViewerWindows(modelDirectory, log);
        }
        timings.put("total_seconds", seconds(jobStart));

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("data", dataSummary(dataSource, log, histories, shows, samples, split));
        metrics.put(
                "windowing",
                Map.of("window", windowing.windowLength(), "stride", windowing.stride()));
        metrics.put("model_config", modelConfig);
        metrics.put("training_config", trainingConfig);
        metrics.put(
                "environment",
                Map.of(
                        "engine", engine.getEngineName() + " " + engine.getVersion(),
                        "device", device.toString(),
                        "processors", Runtime.getRuntime().availableProcessors(),
                        "java", System.getProperty("java.version")));
        Map<String, Object> byModel = new LinkedHashMap<>();
        reports.forEach((name, report) -> byModel.put(name, report.values()));
        metrics.put("test_metrics", byModel);
        metrics.put("history", history.toMap());
        metrics.put("timings", timings);
        writeAtomically(
                output.resolve("metrics.json"), ModelStore.json().writeValueAsBytes(metrics));

        String table = MetricsTable.markdown(reports, MetricsReport.METRICS, KS);
        writeAtomically(output.resolve("metrics.md"), table.getBytes(StandardCharsets.UTF_8));
        System.out.println();
        System.out.println("Test metrics (" + test.size() + " samples, " + dataSource + "):");
        System.out.println(MetricsTable.markdown(reports, List.of(MetricsReport.RECALL), KS));
        System.out.println(
                MetricsTable.markdown(
                        reports,
                        List.of(
                                MetricsReport.NDCG,
                                MetricsReport.MRR,
                                MetricsReport.PRECISION_MICRO,
                                MetricsReport.PRECISION_MACRO,
                                MetricsReport.F1_MACRO),
                        List.of(10)));
        System.out.println("All metrics: " + output.resolve("metrics.md"));
        System.out.println("Wrote " + output.toAbsolutePath());
        return new Result(reports, history, output);
    }

    /**
     * Continues training from the checkpoint in {@code resumeFrom}. When early stopping restores
     * the best epoch and that epoch ended before the checkpoint, its own checkpoint supplies the
     * weights to restore.
     */
    private TrainingHistory resume(
            NextShowTrainer trainer,
            NextShowModel model,
            SampleSet train,
            SampleSet validation,
            Path resumeFrom,
            TrainingConfig trainingConfig) {
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(resumeFrom);
        int bestEpoch = TrainingHistory.of(checkpoint.history()).best().epoch();
        Path bestCheckpoint = resumeFrom.resolveSibling("epoch-" + bestEpoch);
        if (!trainingConfig.restoreBest()
                || bestEpoch == checkpoint.epoch()
                || !Files.isDirectory(bestCheckpoint)) {
            return trainer.resume(model, train, validation, checkpoint);
        }
        try (NextShowModel bestSoFar =
                loadCheckpoint(
                        bestCheckpoint,
                        model.device(),
                        model.shows(),
                        model.assets(),
                        model.config())) {
            return trainer.resume(model, train, validation, checkpoint, bestSoFar);
        }
    }

    /**
     * Returns the components in which two model configurations differ, as {@code name was X, now Y}
     * joined by commas.
     */
    static String differences(ModelConfig saved, ModelConfig requested) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent component : ModelConfig.class.getRecordComponents()) {
            try {
                Object was = component.getAccessor().invoke(saved);
                Object now = component.getAccessor().invoke(requested);
                if (!Objects.equals(was, now)) {
                    parts.add(component.getName() + " was " + was + ", now " + now);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return String.join(", ", parts);
    }

    /**
     * Returns the input file of {@code options}, or the default generated log, which is written
     * first if it does not exist yet.
     */
    static Path ensureInput(JobOptions options) throws IOException {
        if (options.input != null) {
            if (!Files.isRegularFile(options.input)) {
                throw new IllegalArgumentException(
                        "input file " + options.input + " does not exist or is not a file");
            }
            return options.input;
        }
        Path path = JobOptions.DEFAULT_INPUT;
        SyntheticPlaybackGenerator.Config config = SyntheticPlaybackGenerator.Config.defaults();
        if (options.viewers != null) {
            config = config.withViewers(options.viewers);
            path = path.resolveSibling("playback-" + options.viewers + ".parquet");
        }
        if (Files.isRegularFile(path)) {
            LOG.info("Reusing generated playback log {}", path);
            return path;
        }
        LOG.info("Generating the default playback log {} ({})", path, config);
        Files.createDirectories(path.getParent());
        SyntheticPlaybackGenerator.write(path, config);
        return path;
    }

    /** Returns the format named by {@code options}, or the one detected from the file. */
    static Format format(JobOptions options, Path input) throws IOException {
        return JobOptions.parseFormat(options.format, input);
    }

    /**
     * Loads a checkpoint to resume from and checks that it contains the configured model, trained
     * on the same catalogue.
     *
     * @throws IllegalArgumentException if its model settings differ from the options' or its
     *     vocabularies from the data's
     */
    private static NextShowModel loadCheckpoint(
            Path checkpoint,
            Device device,
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            ModelConfig modelConfig) {
        LOG.info("Loading checkpoint {}", checkpoint);
        NextShowModel model = ModelStore.load(checkpoint, device);
        if (!model.config().equals(modelConfig)) {
            model.close();
            throw new IllegalArgumentException(
                    "checkpoint "
                            + checkpoint
                            + " contains a model with other settings than the options give: "
                            + differences(model.config(), modelConfig)
                            + "; resume with the checkpoint's model options, or start a new"
                            + " --output");
        }
        if (!model.shows().equals(shows) || !model.assets().equals(assets)) {
            model.close();
            throw new IllegalArgumentException(
                    "checkpoint "
                            + checkpoint
                            + " was trained on other shows or asset types than "
                            + "the input; resume with the same --input, or start a new --output");
        }
        return model;
    }

    private static Map<String, Object> dataSummary(
            String source,
            EventLog log,
            ViewerHistories histories,
            IdVocabulary shows,
            SampleSet samples,
            Split split) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", source);
        data.put("events", log.size());
        data.put("viewers", histories.viewerCount());
        data.put("shows", shows.size() - IdVocabulary.RESERVED);
        data.put("asset_types", log.assetTypeNames());
        data.put("samples", samples.size());
        data.put("train_samples", split.train().length);
        data.put("validation_samples", split.validation().length);
        data.put("test_samples", split.test().length);
        return data;
    }

    /** Writes {@code bytes} to a hidden file beside {@code file}, then moves it into place. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(temporary, bytes);
        Files.move(
                temporary,
                file,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }
}
