package dev.tvrecsys.train;

/**
 * Metrics of one finished epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean softmax cross-entropy per training target over the epoch
 * @param validationLoss mean cross-entropy on the validation samples, NaN without any
 * @param validationRecall validation recall at the configured k, NaN without validation samples
 * @param seconds wall-clock time of the epoch, validation included
 * @param samplesPerSecond training samples per second, validation excluded
 */
public record EpochResult(
        int epoch,
        double trainLoss,
        double validationLoss,
        double validationRecall,
        double seconds,
        double samplesPerSecond) {}
