package dev.tvrecsys.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import dev.tvrecsys.data.WindowDataset;
import dev.tvrecsys.model.NextShowModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link NextShowModel} with softmax cross-entropy and Adam.
 *
 * <p>Each batch lives in its own child NDManager, and every array computed from it belongs to that
 * manager, so closing the batch frees the whole step and memory stays flat across batches and
 * epochs. Progress, checkpoints and other side effects are {@link TrainingListener}s.
 */
public final class NextShowTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(NextShowTrainer.class);

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;

    /**
     * Creates a trainer.
     *
     * @param config training settings
     * @param listeners receivers of training events, called in order
     */
    public NextShowTrainer(TrainingConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains {@code model} in place.
     *
     * @param model the model, already initialized
     * @param train training samples
     * @param validation validation samples; may be empty
     * @return the per-epoch history
     * @throws IllegalArgumentException if there are no training samples
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public TrainingHistory fit(NextShowModel model, SampleSet train, SampleSet validation) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(
                    "no training samples: every viewer history is too short for the windowing");
        }
        WindowDataset dataset =
                WindowDataset.builder(train)
                        .setSampling(config.batchSize(), true)
                        .optSeed(config.seed())
                        .build();
        int batchesPerEpoch = dataset.batchCount();
        TrainingHistory history = new TrainingHistory();
        LOG.info(
                "Training on {} with {} samples ({} batches of {}), {} validation samples, {}"
                        + " parameters",
                model.device(),
                train.size(),
                batchesPerEpoch,
                config.batchSize(),
                validation.size(),
                model.parameterCount());

        try (Trainer trainer = new Trainer(model.djlModel(), djlConfig(model))) {
            listeners.forEach(l -> l.onTrainingStart(model, config, batchesPerEpoch));
            BestWeights best = new BestWeights();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                EpochResult result = runEpoch(trainer, dataset, model, validation, epoch);
                history.add(result);
                if (history.best() == result && config.restoreBest()) {
                    best.capture(model);
                }
                LOG.info(
                        "Epoch {}/{}: train loss {}, validation loss {}, validation recall@{} {},"
                                + " {} samples/s, {} s, heap {} MiB, resident {} MiB",
                        epoch,
                        config.epochs(),
                        format(result.trainLoss()),
                        format(result.validationLoss()),
                        config.evaluationK(),
                        format(result.validationRecall()),
                        Math.round(result.samplesPerSecond()),
                        String.format("%.1f", result.seconds()),
                        ProcessMemory.heapUsedMiB(),
                        ProcessMemory.residentMiB());
                for (TrainingListener listener : listeners) {
                    listener.onEpochEnd(result, history, model);
                }
                int sinceBest = epoch - history.best().epoch();
                if (config.patience() > 0 && sinceBest >= config.patience()) {
                    LOG.info(
                            "Stopping early: no better validation recall for {} epochs", sinceBest);
                    break;
                }
            }
            if (config.restoreBest() && history.best() != history.last()) {
                best.restore(model);
                LOG.info("Restored the weights of epoch {}", history.best().epoch());
            }
        }
        listeners.forEach(l -> l.onTrainingEnd(history, model));
        return history;
    }

    private EpochResult runEpoch(
            Trainer trainer,
            WindowDataset dataset,
            NextShowModel model,
            SampleSet validation,
            int epoch) {
        long start = System.nanoTime();
        double lossSum = 0;
        long samples = 0;
        int batchNumber = 0;
        int batchesPerEpoch = dataset.batchCount();
        for (Batch batch : dataset.getData(trainer.getManager())) {
            try (batch) {
                double loss;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(batch.getData(), batch.getLabels());
                    NDArray lossArray = trainer.getLoss().evaluate(batch.getLabels(), predictions);
                    collector.backward(lossArray);
                    loss = lossArray.getFloat();
                }
                batchNumber++;
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(
                            "training loss became "
                                    + loss
                                    + " at epoch "
                                    + epoch
                                    + ", batch "
                                    + batchNumber
                                    + "; lower the learning rate ("
                                    + config.learningRate()
                                    + ") or check the input for extreme watch minutes");
                }
                trainer.step();
                lossSum += loss * batch.getSize();
                samples += batch.getSize();
                double rate = samples / seconds(start);
                for (TrainingListener listener : listeners) {
                    listener.onBatch(epoch, batchNumber, batchesPerEpoch, loss, rate);
                }
            }
        }
        double trainSeconds = seconds(start);
        double[] validationMetrics = validate(model, validation);
        return new EpochResult(
                epoch,
                lossSum / samples,
                validationMetrics[0],
                validationMetrics[1],
                seconds(start),
                samples / trainSeconds);
    }

    /**
     * Returns the mean cross-entropy and the recall at {@code evaluationK} over {@code samples},
     * computed in inference mode; NaN for both without samples. A target counts as a hit when fewer
     * than k recommendable shows score above it, with ties going to the lower index as in the
     * evaluator's ranking. Padding and unknown are never recommended, so an unknown target is
     * always a miss.
     */
    public double[] validate(NextShowModel model, SampleSet samples) {
        if (samples.size() == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int width = model.shows().size();
        int k = config.evaluationK();
        double lossSum = 0;
        long hits = 0;
        Loss loss = Loss.softmaxCrossEntropyLoss();
        for (int from = 0; from < samples.size(); from += config.batchSize()) {
            int to = Math.min(samples.size(), from + config.batchSize());
            try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
                NDList inputs = WindowBatches.inputs(manager, samples, null, from, to);
                NDList labels = WindowBatches.labels(manager, samples, null, from, to);
                ParameterStore store = new ParameterStore(manager, false);
                NDList logits = model.block().forward(store, inputs, false);
                lossSum += loss.evaluate(labels, logits).getFloat() * (to - from);
                float[] flat = logits.singletonOrThrow().toFloatArray();
                for (int row = 0; row < to - from; row++) {
                    if (isHit(flat, row * width, width, samples.target(from + row), k)) {
                        hits++;
                    }
                }
            }
        }
        return new double[] {lossSum / samples.size(), (double) hits / samples.size()};
    }

    /** A copy of every parameter's values, kept on the Java heap. */
    private static final class BestWeights {
        private final java.util.Map<String, float[]> values = new java.util.HashMap<>();

        void capture(NextShowModel model) {
            for (var entry : model.block().getParameters()) {
                values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
            }
        }

        void restore(NextShowModel model) {
            for (var entry : model.block().getParameters()) {
                entry.getValue().getArray().set(values.get(entry.getKey()));
            }
        }
    }

    static boolean isHit(float[] scores, int offset, int width, int target, int k) {
        if (target < IdVocabulary.RESERVED) {
            return false;
        }
        float targetScore = scores[offset + target];
        int above = 0;
        for (int j = IdVocabulary.RESERVED; j < width; j++) {
            float score = scores[offset + j];
            if (score > targetScore || (score == targetScore && j < target)) {
                above++;
                if (above >= k) {
                    return false;
                }
            }
        }
        return true;
    }

    private DefaultTrainingConfig djlConfig(NextShowModel model) {
        Optimizer optimizer =
                Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(config.learningRate()))
                        .optWeightDecays(config.weightDecay())
                        .build();
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer)
                .optDevices(new ai.djl.Device[] {model.device()});
    }

    private static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.4f", value);
    }
}
