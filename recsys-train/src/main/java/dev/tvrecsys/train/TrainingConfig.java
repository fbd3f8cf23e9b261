package dev.tvrecsys.train;

/**
 * Settings of one training run, validated on construction.
 *
 * <p>The defaults are the reference's: Adam with a constant learning rate of 0.001, batches of 512,
 * 5 epochs, seed 42, a loss on the last step of each window only, and a progress line every 100
 * batches.
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
 * @param lossSteps number of newest steps of each window whose next show is a training target. With
 *     1, as in the reference, only the last step is trained. Larger values add a cross-entropy term
 *     for each earlier step, so one window teaches up to that many next shows.
 * @param learningRateDecay factor in (0, 1] applied to the learning rate after each epoch, where 1
 *     keeps it constant
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
        boolean restoreBest,
        int lossSteps,
        float learningRateDecay) {

    /** Validates every field. */
    public TrainingConfig {
        requirePositive("epochs", epochs);
        requirePositive("batchSize", batchSize);
        requirePositive("progressInterval", progressInterval);
        requirePositive("evaluationK", evaluationK);
        requirePositive("lossSteps", lossSteps);
        if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learningRate must be positive and finite, found " + learningRate);
        }
        if (!(learningRateDecay > 0f && learningRateDecay <= 1f)) {
            throw new IllegalArgumentException(
                    "learningRateDecay must be in (0, 1], found " + learningRateDecay);
        }
        if (!((float) (learningRate * Math.pow(learningRateDecay, epochs - 1)) > 0f)) {
            throw new IllegalArgumentException(
                    "learningRateDecay "
                            + learningRateDecay
                            + " takes the learning rate "
                            + learningRate
                            + " to 0 within "
                            + epochs
                            + " epochs; raise the decay or train fewer epochs");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must not be negative, found " + patience);
        }
        if (!(weightDecay >= 0f) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException(
                    "weightDecay must be non-negative and finite, found " + weightDecay);
        }
    }

    /** Returns the reference settings: no early stopping, the last epoch's weights are kept. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 512, 1e-3f, 0f, 42L, 100, 10, 0, false, 1, 1f);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
    }

    public TrainingConfig withEvaluationK(int value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                value,
                patience,
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                restoreBest,
                lossSteps,
                learningRateDecay);
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
                value,
                lossSteps,
                learningRateDecay);
    }

    public TrainingConfig withLossSteps(int value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                patience,
                restoreBest,
                value,
                learningRateDecay);
    }

    public TrainingConfig withLearningRateDecay(float value) {
        return new TrainingConfig(
                epochs,
                batchSize,
                learningRate,
                weightDecay,
                seed,
                progressInterval,
                evaluationK,
                patience,
                restoreBest,
                lossSteps,
                value);
    }

    /** Returns the learning rate of epoch {@code epoch} (1-based) under the decay. */
    public float learningRate(int epoch) {
        return (float) (learningRate * Math.pow(learningRateDecay, epoch - 1));
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
    }
}
