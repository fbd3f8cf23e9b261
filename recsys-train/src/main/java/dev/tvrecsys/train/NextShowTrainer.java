package dev.tvrecsys.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
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
     * Trains {@code model} in place from its current weights.
     *
     * @param model the model, already initialized
     * @param train training samples
     * @param validation validation samples; may be empty
     * @return the per-epoch history
     * @throws IllegalArgumentException if there are no training samples
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public TrainingHistory fit(NextShowModel model, SampleSet train, SampleSet validation) {
        return run(model, train, validation, null, null);
    }

    /**
     * Continues a run from a checkpoint: {@code model} must hold the checkpoint's weights (load it
     * with {@code ModelStore.load}), and training goes on with the epoch after the checkpoint's,
     * with its optimizer state and history. On the CPU, the result equals that of an uninterrupted
     * run with the same seed and data.
     *
     * @param model the model loaded from the checkpoint
     * @param train the same training samples as the interrupted run
     * @param validation the same validation samples
     * @param checkpoint the state saved with the checkpoint
     * @return the history, the checkpoint's epochs included
     * @throws IllegalArgumentException if the checkpoint's run used other training settings, as
     *     {@link TrainingCheckpoint#checkResumableWith} describes
     */
    public TrainingHistory resume(
            NextShowModel model,
            SampleSet train,
            SampleSet validation,
            TrainingCheckpoint checkpoint) {
        return run(model, train, validation, checkpoint, null);
    }

    /**
     * Continues a run from a checkpoint as {@link #resume(NextShowModel, SampleSet, SampleSet,
     * TrainingCheckpoint)} does, and with {@link TrainingConfig#restoreBest()} restores the weights
     * of {@code bestSoFar} when no later epoch beats the checkpoint history's best epoch. Without
     * them, a run whose best epoch ended before the interruption keeps its last weights.
     *
     * @param bestSoFar the model saved at the best epoch of the checkpoint's history, with the same
     *     configuration as {@code model}; only its weights are read
     * @throws IllegalArgumentException if {@code bestSoFar} has another configuration or parameter
     *     count than {@code model}
     */
    public TrainingHistory resume(
            NextShowModel model,
            SampleSet train,
            SampleSet validation,
            TrainingCheckpoint checkpoint,
            NextShowModel bestSoFar) {
        if (!bestSoFar.config().equals(model.config())
                || bestSoFar.parameterCount() != model.parameterCount()) {
            throw new IllegalArgumentException(
                    "bestSoFar has configuration "
                            + bestSoFar.config()
                            + " and "
                            + bestSoFar.parameterCount()
                            + " parameters, expected the resumed model's "
                            + model.config()
                            + " and "
                            + model.parameterCount());
        }
        return run(model, train, validation, checkpoint, bestSoFar);
    }

    private TrainingHistory run(
            NextShowModel model,
            SampleSet train,
            SampleSet validation,
            TrainingCheckpoint checkpoint,
            NextShowModel bestSoFar) {
        if (train.size() == 0) {
            throw new IllegalArgumentException(
                    "no training samples: every viewer history is too short for the windowing");
        }
        WindowDataset dataset =
                WindowDataset.builder(train)
                        .setSampling(config.batchSize(), true)
                        .optSeed(config.seed())
                        .optLossSteps(config.lossSteps())
                        .build();
        int batchesPerEpoch = dataset.batchCount();
        TrainingHistory history = new TrainingHistory();
        int firstEpoch = 1;
        LOG.info(
                "Training on {} with {} samples ({} batches of {}, loss on the last {} steps of"
                        + " each window), {} validation samples, {} parameters",
                model.device(),
                train.size(),
                batchesPerEpoch,
                config.batchSize(),
                config.lossSteps(),
                validation.size(),
                model.parameterCount());

        try (AdamOptimizer optimizer =
                new AdamOptimizer(model, config.learningRate(), config.weightDecay())) {
            if (checkpoint != null) {
                checkpoint.checkResumableWith(config);
                if (checkpoint.epoch() > config.epochs()) {
                    throw new IllegalArgumentException(
                            "the checkpoint is after epoch "
                                    + checkpoint.epoch()
                                    + ", past the "
                                    + config.epochs()
                                    + " epochs of this run; resume with at least that many"
                                    + " epochs");
                }
                optimizer.loadState(checkpoint.optimizerState());
                checkpoint.history().forEach(history::add);
                firstEpoch = checkpoint.epoch() + 1;
                LOG.info(
                        "Resuming after epoch {} at optimizer step {}",
                        checkpoint.epoch(),
                        optimizer.step());
                // If the history already meets the stopping rule, the killed run had decided to
                // stop, so no epoch is left to train.
                if (stopsEarly(history, checkpoint.epoch())) {
                    firstEpoch = config.epochs() + 1;
                }
            }
            listeners.forEach(l -> l.onTrainingStart(model, config, batchesPerEpoch));
            BestWeights best = new BestWeights();
            if (config.restoreBest() && bestSoFar != null) {
                best.capture(bestSoFar);
            } else if (config.restoreBest()
                    && checkpoint != null
                    && history.best().epoch() == checkpoint.epoch()) {
                // The checkpoint is the best epoch so far, so its loaded weights are the ones to
                // restore.
                best.capture(model);
            }
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                EpochResult result = runEpoch(optimizer, dataset, model, validation, epoch);
                history.add(result);
                if (history.best() == result && config.restoreBest()) {
                    best.capture(model);
                }
                logEpoch(result);
                for (TrainingListener listener : listeners) {
                    listener.onEpochEnd(result, history, model, optimizer);
                }
                if (stopsEarly(history, epoch)) {
                    break;
                }
            }
            if (config.restoreBest() && history.best() != history.last()) {
                if (best.isEmpty()) {
                    LOG.warn(
                            "The best epoch {} ended before the resumed run started and its"
                                    + " weights were not given; keeping the last weights",
                            history.best().epoch());
                } else {
                    best.restore(model);
                    history.setWeightsEpoch(history.best().epoch());
                    LOG.info("Restored the weights of epoch {}", history.best().epoch());
                }
            }
        }
        listeners.forEach(l -> l.onTrainingEnd(history, model));
        return history;
    }

    private boolean stopsEarly(TrainingHistory history, int epoch) {
        int sinceBest = epoch - history.best().epoch();
        if (config.patience() > 0 && sinceBest >= config.patience()) {
            LOG.info("Stopping early: no better validation recall for {} epochs", sinceBest);
            return true;
        }
        return false;
    }

    private void logEpoch(EpochResult result) {
        LOG.info(
                "Epoch {}/{}: train loss {}, validation loss {}, validation recall@{} {},"
                        + " {} samples/s, {} s, heap {} MiB, resident {} MiB",
                result.epoch(),
                config.epochs(),
                format(result.trainLoss()),
                format(result.validationLoss()),
                config.evaluationK(),
                format(result.validationRecall()),
                Math.round(result.samplesPerSecond()),
                String.format("%.1f", result.seconds()),
                ProcessMemory.heapUsedMiB(),
                ProcessMemory.residentMiB());
    }

    /**
     * Runs one epoch. The engine's random seed is set to {@code seed + epoch} first and the batch
     * order depends only on the seed and the epoch, so a resumed epoch repeats the interrupted one
     * exactly on the CPU.
     */
    private EpochResult runEpoch(
            AdamOptimizer optimizer,
            WindowDataset dataset,
            NextShowModel model,
            SampleSet validation,
            int epoch) {
        Engine engine = Engine.getInstance();
        engine.setRandomSeed((int) ((config.seed() + epoch) & 0x7fffffffL));
        optimizer.setLearningRate(config.learningRate(epoch));
        Loss loss = Loss.softmaxCrossEntropyLoss();
        long start = System.nanoTime();
        double lossSum = 0;
        long targets = 0;
        long samples = 0;
        int batchNumber = 0;
        int batchesPerEpoch = dataset.batchCount();
        NDManager parent = model.djlModel().getNDManager();
        for (Batch batch : dataset.getData(parent, epoch - 1)) {
            try (batch) {
                double batchLoss;
                long batchTargets;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    ParameterStore store = new ParameterStore(batch.getManager(), false);
                    NDList labels = batch.getLabels();
                    NDArray lossArray;
                    if (config.lossSteps() == 1) {
                        NDList logits = model.block().forward(store, batch.getData(), true);
                        lossArray = loss.evaluate(labels, logits);
                        batchTargets = batch.getSize();
                    } else {
                        NDArray positions = labels.get(0);
                        NDArray logits =
                                model.block().stepLogits(store, batch.getData(), positions, true);
                        lossArray = loss.evaluate(new NDList(labels.get(1)), new NDList(logits));
                        batchTargets = positions.size();
                    }
                    collector.backward(lossArray);
                    batchLoss = lossArray.getFloat();
                }
                batchNumber++;
                if (!Double.isFinite(batchLoss)) {
                    throw new TrainingDivergedException(
                            "training loss became "
                                    + batchLoss
                                    + " at epoch "
                                    + epoch
                                    + ", batch "
                                    + batchNumber
                                    + "; lower the learning rate ("
                                    + optimizer.learningRate()
                                    + ") or check the input for extreme watch minutes");
                }
                optimizer.update();
                lossSum += batchLoss * batchTargets;
                targets += batchTargets;
                samples += batch.getSize();
                double rate = samples / seconds(start);
                for (TrainingListener listener : listeners) {
                    listener.onBatch(epoch, batchNumber, batchesPerEpoch, batchLoss, rate);
                }
            }
        }
        double trainSeconds = seconds(start);
        double[] validationMetrics = validate(model, validation);
        return new EpochResult(
                epoch,
                lossSum / targets,
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

        boolean isEmpty() {
            return values.isEmpty();
        }

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

    private static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format("%.4f", value);
    }
}
