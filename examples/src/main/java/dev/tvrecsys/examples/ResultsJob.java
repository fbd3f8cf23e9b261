package dev.tvrecsys.examples;

import ai.djl.Device;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.io.Format;
import dev.tvrecsys.data.io.LogReaders;
import dev.tvrecsys.data.io.ReadOptions;
import dev.tvrecsys.data.protocol.EvaluationProtocol;
import dev.tvrecsys.data.protocol.LeaveOneOutProtocol;
import dev.tvrecsys.data.protocol.ProtocolSplit;
import dev.tvrecsys.data.protocol.RandomWindowProtocol;
import dev.tvrecsys.data.protocol.TimeSplitProtocol;
import dev.tvrecsys.data.protocol.TrainingSamples;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import dev.tvrecsys.eval.CoOccurrenceRecommender;
import dev.tvrecsys.eval.Evaluator;
import dev.tvrecsys.eval.MarkovRecommender;
import dev.tvrecsys.eval.MetricsReport;
import dev.tvrecsys.eval.MostPopularRecommender;
import dev.tvrecsys.eval.RecentHistoryRecommender;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.eval.ResultRow;
import dev.tvrecsys.eval.ResultsTableWriter;
import dev.tvrecsys.eval.SegmentedEvaluator;
import dev.tvrecsys.eval.SegmentedReport;
import dev.tvrecsys.eval.SessionKnnRecommender;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.LstmRecommender;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.train.NextShowTrainer;
import dev.tvrecsys.train.ProgressListener;
import dev.tvrecsys.train.TrainingConfig;
import dev.tvrecsys.train.TrainingHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every model on every data set and protocol and writes one results table.
 *
 * <p>For each data set and protocol, every model (the baselines and two LSTM settings) trains on
 * the same training samples and is ranked against every show on the same test samples. The {@code
 * lstm-reference} row uses the reference model and training settings (5 epochs, no early stopping);
 * the {@code lstm} row uses the tuned settings, typically early stopping on validation recall@10
 * with the best epoch's weights kept, and a loss on every step of each window. Outputs: {@code
 * results.md}, {@code results.csv}, {@code results.json}, {@code summary.md} (recall@10, NDCG@10
 * and discovery recall@10 per model and protocol), {@code segments.json} (per-segment and discovery
 * metrics) and {@code histories.json} (LSTM training curves).
 */
public final class ResultsJob {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsJob.class);

    /** Metrics written to the results table. */
    public static final List<String> METRICS =
            List.of(
                    MetricsReport.RECALL,
                    MetricsReport.NDCG,
                    MetricsReport.MRR,
                    MetricsReport.PRECISION_MACRO,
                    MetricsReport.F1_MACRO,
                    MetricsReport.COVERAGE);

    /** A named log to evaluate on. */
    public record Dataset(String name, Path path, Format format) {}

    /**
     * Settings of a results run.
     *
     * @param tunedModel model settings of the {@code lstm} row
     * @param tunedTraining training settings of the {@code lstm} row
     * @param autoLossSteps whether the {@code lstm} row's loss steps are chosen per protocol, as
     *     {@link #naturalLossSteps} describes, instead of taken from {@code tunedTraining}
     */
    public record Settings(
            List<Dataset> datasets,
            List<String> protocols,
            TrainingSamples trainingSamples,
            ModelConfig tunedModel,
            TrainingConfig tunedTraining,
            boolean autoLossSteps,
            int maxTrainSamples,
            boolean tunedLstmOnly,
            Path output) {}

    private final Settings settings;
    private final List<ResultsSummary.Cell> summary = new ArrayList<>();

    public ResultsJob(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs every data set and protocol.
     *
     * @return the result rows in table order
     * @throws IOException if reading a log or writing the results fails
     */
    public List<ResultRow> run() throws IOException {
        Engines.start();
        Files.createDirectories(settings.output());
        List<ResultRow> rows = new ArrayList<>();
        Map<String, Object> segments = new LinkedHashMap<>();
        Map<String, Object> histories = new LinkedHashMap<>();
        for (Dataset dataset : settings.datasets()) {
            EventLog log =
                    LogReaders.read(dataset.path(), dataset.format(), ReadOptions.defaults()).log();
            ViewerHistories viewerHistories = ViewerHistories.of(log);
            IdVocabulary shows = IdVocabulary.fit(log.showIds());
            AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
            for (String protocolName : settings.protocols()) {
                if (protocolName.equals("time-split") && !log.hasClockTime()) {
                    LOG.info(
                            "Skipping time-split on {}: its events are ordered by position, not"
                                    + " by time",
                            dataset.name());
                    continue;
                }
                EvaluationProtocol protocol = protocol(protocolName);
                ProtocolSplit split = limitTraining(protocol.split(viewerHistories, shows, assets));
                LOG.info(
                        "{} / {}: {} train, {} validation, {} test samples ({})",
                        dataset.name(),
                        split.name(),
                        split.train().size(),
                        split.validation().size(),
                        split.test().size(),
                        split.description());
                String key = dataset.name() + "/" + split.name();
                Map<String, Object> segmentsOfSplit = new LinkedHashMap<>();
                var baselines =
                        settings.tunedLstmOnly()
                                ? Map.<String, Supplier<Recommender>>of()
                                : baselines(split, shows.size());
                for (var entry : baselines.entrySet()) {
                    evaluate(dataset, split, assets, entry.getValue().get(), rows, segmentsOfSplit);
                }
                Map<String, TrainingHistory> curves = new LinkedHashMap<>();
                boolean[] settingsToTrain =
                        settings.tunedLstmOnly()
                                ? new boolean[] {false}
                                : new boolean[] {true, false};
                for (boolean reference : settingsToTrain) {
                    String name = reference ? "lstm-reference" : "lstm";
                    TrainingHistory history =
                            trainAndEvaluate(
                                    dataset,
                                    protocolName,
                                    split,
                                    shows,
                                    assets,
                                    reference,
                                    rows,
                                    segmentsOfSplit);
                    curves.put(name, history);
                    histories.put(key + "/" + name, history.toMap());
                }
                segments.put(key, segmentsOfSplit);
                write(rows, segments, histories);
                Path charts = settings.output().resolve("charts");
                ResultsCharts.writeRecallByK(
                        charts, dataset.name(), split.name(), rows, RecommenderJob.KS);
                ResultsCharts.writeTrainingCurves(charts, dataset.name(), split.name(), curves);
            }
        }
        return rows;
    }

    private void write(
            List<ResultRow> rows, Map<String, Object> segments, Map<String, Object> histories)
            throws IOException {
        ResultsTableWriter writer = new ResultsTableWriter(METRICS, RecommenderJob.KS);
        writer.write(settings.output(), "results", rows);
        RecommenderJob.writeAtomically(
                settings.output().resolve("summary.md"),
                ResultsSummary.markdown(summary).getBytes(StandardCharsets.UTF_8));
        Files.write(
                settings.output().resolve("segments.json"),
                ModelStore.json().writeValueAsBytes(segments));
        Files.write(
                settings.output().resolve("histories.json"),
                ModelStore.json().writeValueAsBytes(histories));
    }

    /**
     * Keeps a seeded random subset of at most {@code maxTrainSamples} training samples, so that
     * every-prefix training fits a time budget; validation and test samples are unchanged.
     */
    private ProtocolSplit limitTraining(ProtocolSplit split) {
        int size = split.train().size();
        if (settings.maxTrainSamples() <= 0 || size <= settings.maxTrainSamples()) {
            return split;
        }
        int[] kept =
                dev.tvrecsys.data.Split.random(
                                size,
                                (double) settings.maxTrainSamples() / size,
                                0.0,
                                TrainingConfig.defaults().seed())
                        .train();
        return new ProtocolSplit(
                split.name(),
                split.description()
                        + "; training samples subsampled to "
                        + kept.length
                        + " of "
                        + size,
                split.train().subset(kept),
                split.validation(),
                split.test());
    }

    private EvaluationProtocol protocol(String name) {
        int window = ModelConfig.defaults().windowLength();
        return switch (name) {
            case "random-window" -> RandomWindowProtocol.reference();
            case "leave-one-out" -> new LeaveOneOutProtocol(window, settings.trainingSamples());
            case "time-split" ->
                    TimeSplitProtocol.lastFraction(0.2, 0.1, window, settings.trainingSamples());
            default ->
                    throw new IllegalArgumentException(
                            "protocol must be one of random-window, leave-one-out, time-split,"
                                    + " found '"
                                    + name
                                    + "'");
        };
    }

    private static Map<String, Supplier<Recommender>> baselines(
            ProtocolSplit split, int showCount) {
        Map<String, Supplier<Recommender>> baselines = new LinkedHashMap<>();
        baselines.put("most-popular", () -> MostPopularRecommender.fit(split.train(), showCount));
        baselines.put(
                "most-popular-recent",
                () -> MostPopularRecommender.fitRecent(split.train(), showCount, 0.1));
        baselines.put(
                "recent-history", () -> RecentHistoryRecommender.fit(split.train(), showCount));
        baselines.put("markov", () -> MarkovRecommender.fit(split.train(), showCount));
        baselines.put("co-occurrence", () -> CoOccurrenceRecommender.fit(split.train(), showCount));
        baselines.put("sknn", () -> SessionKnnRecommender.fit(split.train(), showCount));
        baselines.put(
                "v-sknn",
                () ->
                        SessionKnnRecommender.fit(
                                split.train(),
                                showCount,
                                SessionKnnRecommender.DEFAULT_NEIGHBOURS,
                                SessionKnnRecommender.DEFAULT_SAMPLE_SIZE,
                                true));
        return baselines;
    }

    /**
     * Returns the number of newest steps of each training window whose next show no other training
     * window of the protocol has as a step target: all steps for the reference windows of
     * random-window, which do not overlap, and the stride for windows cut every {@code stride}
     * events. A loss on those steps makes every training event a target once per epoch, and each
     * target then has at least {@code window - stride} events of context where the history has
     * them.
     */
    int naturalLossSteps(String protocolName) {
        int window = settings.tunedModel().windowLength();
        int stride =
                protocolName.equals("random-window")
                        ? window + 1
                        : settings.trainingSamples().stride(window);
        return Math.min(window, stride);
    }

    private TrainingHistory trainAndEvaluate(
            Dataset dataset,
            String protocolName,
            ProtocolSplit split,
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            boolean reference,
            List<ResultRow> rows,
            Map<String, Object> segments) {
        ModelConfig modelConfig = reference ? ModelConfig.defaults() : settings.tunedModel();
        TrainingConfig config = TrainingConfig.defaults();
        if (!reference) {
            config = settings.tunedTraining();
            if (settings.autoLossSteps()) {
                config = config.withLossSteps(naturalLossSteps(protocolName));
            }
        }
        try (NextShowModel model =
                NextShowModel.create(modelConfig, shows, assets, 1, config.seed(), Device.cpu())) {
            NextShowTrainer trainer =
                    new NextShowTrainer(
                            config,
                            List.of(new ProgressListener(config.progressInterval(), false)));
            TrainingHistory history = trainer.fit(model, split.train(), split.validation());
            evaluate(
                    dataset,
                    split,
                    assets,
                    new LstmRecommender(model, reference ? "lstm-reference" : "lstm"),
                    rows,
                    segments);
            return history;
        }
    }

    private void evaluate(
            Dataset dataset,
            ProtocolSplit split,
            AssetTypeVocabulary assets,
            Recommender recommender,
            List<ResultRow> rows,
            Map<String, Object> segments) {
        long start = System.nanoTime();
        SegmentedEvaluator evaluator =
                new SegmentedEvaluator(
                        Evaluator.builder().ks(RecommenderJob.KS).build(), assets.names());
        SegmentedReport report = evaluator.evaluate(recommender, split.test());
        rows.add(new ResultRow(dataset.name(), split.name(), recommender.name(), report.overall()));
        summary.add(
                new ResultsSummary.Cell(
                        dataset.name(),
                        split.name(),
                        recommender.name(),
                        report.overall().value(MetricsReport.RECALL, 10),
                        report.overall().value(MetricsReport.NDCG, 10),
                        report.discoveryRecall(10)));
        segments.put(recommender.name(), report.toMap());
        LOG.info(
                "{} / {} / {}: recall@10 {}, ndcg@10 {}, discovery recall@10 {} ({} s)",
                dataset.name(),
                split.name(),
                recommender.name(),
                String.format("%.4f", report.overall().value(MetricsReport.RECALL, 10)),
                String.format("%.4f", report.overall().value(MetricsReport.NDCG, 10)),
                String.format("%.4f", report.discoveryRecall(10)),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /**
     * Returns the data sets among {@code names} that exist: the synthetic log, generated into
     * {@link JobOptions#DEFAULT_INPUT} when it is requested and missing, and the MovieLens files
     * under {@code sharedData}.
     */
    static List<Dataset> defaultDatasets(Path sharedData, List<String> names) throws IOException {
        List<Dataset> datasets = new ArrayList<>();
        if (names.contains("synthetic")) {
            Path synthetic = JobOptions.DEFAULT_INPUT;
            if (!Files.isRegularFile(synthetic)) {
                Files.createDirectories(synthetic.getParent());
                SyntheticPlaybackGenerator.write(
                        synthetic, SyntheticPlaybackGenerator.Config.defaults());
            }
            datasets.add(new Dataset("synthetic", synthetic, Format.PLAYBACK_PARQUET));
        }
        addIfPresent(
                datasets,
                names,
                "movielens-100k",
                sharedData.resolve("movielens-100k/u.data"),
                Format.MOVIELENS_100K);
        addIfPresent(
                datasets,
                names,
                "movielens-1m",
                sharedData.resolve("movielens-1m/sequences.tsv"),
                Format.DELIMITED);
        return datasets;
    }

    private static void addIfPresent(
            List<Dataset> datasets, List<String> names, String name, Path path, Format format) {
        if (!names.contains(name)) {
            return;
        }
        if (Files.isRegularFile(path)) {
            datasets.add(new Dataset(name, path, format));
        } else {
            LOG.warn("Skipping {}: {} not found", name, path);
        }
    }
}
