package dev.tvrecsys.model;

import java.util.Locale;

/**
 * Hyperparameters of the next-show model, validated on construction.
 *
 * <p>The defaults are those of the reference implementation: show and asset-type embeddings of 32,
 * watch minutes as one float per step, one LSTM layer with hidden size 128, dropout 0.2 before the
 * output layer, windows of 20 events, no dropout on the inputs, no repeat bias and an output layer
 * of its own.
 *
 * @param showEmbeddingSize width of the show embedding, positive
 * @param assetEmbeddingSize width of the asset-type embedding, positive
 * @param hiddenSize LSTM hidden state size, positive
 * @param layers number of stacked LSTM layers, positive
 * @param dropout dropout rate between LSTM layers and before the output layer, in [0, 1)
 * @param minutesScaling how watch minutes are fed to the LSTM
 * @param windowLength number of events per input window, positive
 * @param inputDropout dropout rate on each step's input features before the LSTM, in [0, 1)
 * @param repeatBias whether two learned scores, computed from the LSTM output, are added to the
 *     logits of the shows already in the window and of the show at the current step. They let the
 *     model learn how much viewers rewatch: TV viewers return to shows they watched, while a
 *     MovieLens user rates each film once. Models saved without this field load with false.
 * @param tiedOutput whether the output layer reuses the show embedding: the LSTM output is
 *     projected to the show embedding width and each show's logit is its dot product with that
 *     show's embedding, plus a per-show bias. This shares one vector per show between input and
 *     output and shrinks the output layer from {@code hiddenSize} to {@code showEmbeddingSize}
 *     columns. Models saved without this field load with false.
 */
public record ModelConfig(
        int showEmbeddingSize,
        int assetEmbeddingSize,
        int hiddenSize,
        int layers,
        float dropout,
        MinutesScaling minutesScaling,
        int windowLength,
        float inputDropout,
        boolean repeatBias,
        boolean tiedOutput) {

    /** Scaling of watch minutes into the per-step float input. */
    public enum MinutesScaling {
        /** {@code log(1 + minutes)}, which keeps long live sessions from dominating. */
        LOG1P,
        /** Raw minutes, as the reference implementation feeds them. */
        RAW;

        /** Parses a name case-insensitively, listing the valid names when it is invalid. */
        public static MinutesScaling parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "minutes scaling must be one of LOG1P, RAW, found '" + name + "'", e);
            }
        }
    }

    /** Validates every field. */
    public ModelConfig {
        requirePositive("showEmbeddingSize", showEmbeddingSize);
        requirePositive("assetEmbeddingSize", assetEmbeddingSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("layers", layers);
        requirePositive("windowLength", windowLength);
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), found " + dropout);
        }
        if (!(inputDropout >= 0f && inputDropout < 1f)) {
            throw new IllegalArgumentException(
                    "inputDropout must be in [0, 1), found " + inputDropout);
        }
        if (minutesScaling == null) {
            throw new IllegalArgumentException("minutesScaling must not be null");
        }
    }

    /** Returns the reference configuration. */
    public static ModelConfig defaults() {
        return new ModelConfig(32, 32, 128, 1, 0.2f, MinutesScaling.LOG1P, 20, 0f, false, false);
    }

    public ModelConfig withHiddenSize(int value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                value,
                layers,
                dropout,
                minutesScaling,
                windowLength,
                inputDropout,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withLayers(int value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                value,
                dropout,
                minutesScaling,
                windowLength,
                inputDropout,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withDropout(float value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                layers,
                value,
                minutesScaling,
                windowLength,
                inputDropout,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withEmbeddingSizes(int show, int asset) {
        return new ModelConfig(
                show,
                asset,
                hiddenSize,
                layers,
                dropout,
                minutesScaling,
                windowLength,
                inputDropout,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withMinutesScaling(MinutesScaling value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                layers,
                dropout,
                value,
                windowLength,
                inputDropout,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withWindowLength(int value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                layers,
                dropout,
                minutesScaling,
                value,
                inputDropout,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withInputDropout(float value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                layers,
                dropout,
                minutesScaling,
                windowLength,
                value,
                repeatBias,
                tiedOutput);
    }

    public ModelConfig withRepeatBias(boolean value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                layers,
                dropout,
                minutesScaling,
                windowLength,
                inputDropout,
                value,
                tiedOutput);
    }

    public ModelConfig withTiedOutput(boolean value) {
        return new ModelConfig(
                showEmbeddingSize,
                assetEmbeddingSize,
                hiddenSize,
                layers,
                dropout,
                minutesScaling,
                windowLength,
                inputDropout,
                repeatBias,
                value);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, found " + value);
        }
    }
}
