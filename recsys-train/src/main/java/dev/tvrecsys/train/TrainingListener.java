package dev.tvrecsys.train;

import dev.tvrecsys.model.NextShowModel;

/** Receives training events; every method has an empty default. */
public interface TrainingListener {

    /** Called once before the first batch. */
    default void onTrainingStart(NextShowModel model, TrainingConfig config, int batchesPerEpoch) {}

    /**
     * Called after each optimizer step.
     *
     * @param epoch 1-based epoch number
     * @param batch 1-based batch number within the epoch
     * @param batchesPerEpoch number of batches per epoch
     * @param loss mean loss of this batch
     * @param samplesPerSecond training samples per second since the epoch started
     */
    default void onBatch(
            int epoch, int batch, int batchesPerEpoch, double loss, double samplesPerSecond) {}

    /** Called after each epoch's validation, with the model in its state after that epoch. */
    default void onEpochEnd(EpochResult result, TrainingHistory history, NextShowModel model) {}

    /**
     * Called after each epoch's validation with the optimizer as well; by default it calls {@link
     * #onEpochEnd(EpochResult, TrainingHistory, NextShowModel)}. Checkpoints override it to save
     * the optimizer state.
     */
    default void onEpochEnd(
            EpochResult result,
            TrainingHistory history,
            NextShowModel model,
            AdamOptimizer optimizer) {
        onEpochEnd(result, history, model);
    }

    /** Called once after the last epoch. */
    default void onTrainingEnd(TrainingHistory history, NextShowModel model) {}
}
