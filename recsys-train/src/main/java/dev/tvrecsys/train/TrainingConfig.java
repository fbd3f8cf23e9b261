package dev.tvrecsys.train;

/**
 * Settings of one training run, validated on construction.
 *
 * <p>The defaults are the reference's: Adam with learning rate 0.001, batches of 512, 5 epochs,
 * seed 42, and a progress line every 100 batches.
 *
 * @param epochs number of passes over the training samples, positive
 * @param batchSize samples per optimizer step, positive
 * @param learningRate Adam learning rate, positive
 * @param weightDecay L2 weight decay applied by Adam, not negative
 * @param seed seed of the batch order; the model's initial weights take it at creation
 * @param progressInterval batches between progress log lines, positive
 * @param evaluationK cut-off of the validation recall reported after each epoch, positive
 * @param patience epochs without a better validation recall before training stops; 0 trains every
 *     epoch
 * @param restoreBest whether the weights of the epoch with the best validation recall are put back
 *     when training ends
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        float learningRate,
        float weightDecay,
        long seed,
        int progressInterval,
        int evaluationK,
        int patience,
        boolean restoreBest) {

    /** Validates every field. */
    public TrainingConfig {
        requirePositive("epochs", epochs);
        requirePositive("batchSize", batchSize);
        requirePositive("progressInterval", progressInterval);
        requirePositive("evaluationK", evaluationK);
        if (patience < 0) {
            throw new IllegalArgumentException("patience must not be negative, found " + patience);
        }
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learningRate must be positive and finite, found " + learningRate);
        }
        if (!(weightDecay >= 0f) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException(
                    "weightDecay must be non-negative and finite, found " + weightDecay);
        }
    }

    /** Returns the reference settings: no early stopping, the last epoch's weights are kept. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 512, 1e-3f, 0f, 42L, 100, 10, 0, false);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(
                value,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                patience,
                restoreBest);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(
                epochs,
                value,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                patience,
                restoreBest);
    }

    public TrainingConfig withLearningRate(float value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                value,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                patience,
                restoreBest);
    }

    public TrainingConfig withWeightDecay(float value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                value,
                seed,
                progressInterval,
                evaluationK,
                patience,
                restoreBest);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                value,
                progressInterval,
                evaluationK,
                patience,
                restoreBest);
    }

    public TrainingConfig withProgressInterval(int value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                value,
                evaluationK,
                patience,
                restoreBest);
    }

    public TrainingConfig withPatience(int value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                value,
                restoreBest);
    }

    public TrainingConfig withRestoreBest(boolean value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                patience,
                value);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
    }
}
