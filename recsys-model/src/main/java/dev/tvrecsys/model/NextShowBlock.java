package dev.tvrecsys.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The embedding + LSTM next-show model as a DJL block.
 *
 * <p>Input: an {@link NDList} of three arrays of shape (batch, window): show indices (int32),
 * asset-type indices (int32) and raw watch minutes (float32). Each step becomes the concatenation
 * of its show embedding, its asset-type embedding and its scaled minutes. The LSTM runs over the
 * window, and its output at the last step passes through dropout into a linear layer with one logit
 * per show index, padding and unknown included. Output: logits of shape (batch, showCount).
 */
public final class NextShowBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ModelConfig config;
    private final int showCount;
    private final int assetCount;
    private final Parameter showEmbedding;
    private final Parameter assetEmbedding;
    private final LSTM lstm;
    private final Dropout dropout;
    private final Linear output;

    /**
     * Creates an uninitialized block.
     *
     * @param config hyperparameters
     * @param showCount size of the show vocabulary, padding and unknown included
     * @param assetCount size of the asset-type vocabulary, padding and unknown included
     * @throws IllegalArgumentException if a vocabulary has no entry beyond padding and unknown
     */
    public NextShowBlock(ModelConfig config, int showCount, int assetCount) {
        super(VERSION);
        if (showCount < 3) {
            throw new IllegalArgumentException(
                    "showCount must be at least 3 (padding, unknown, one show), found "
                            + showCount);
        }
        if (assetCount < 3) {
            throw new IllegalArgumentException(
                    "assetCount must be at least 3 (padding, unknown, one type), found "
                            + assetCount);
        }
        this.config = config;
        this.showCount = showCount;
        this.assetCount = assetCount;
        this.showEmbedding =
                addParameter(
                        Parameter.builder()
                                .setName("show_embedding")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(showCount, config.showEmbeddingSize()))
                                .optInitializer(new NormalInitializer(0.1f))
                                .build());
        this.assetEmbedding =
                addParameter(
                        Parameter.builder()
                                .setName("asset_embedding")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(assetCount, config.assetEmbeddingSize()))
                                .optInitializer(new NormalInitializer(0.1f))
                                .build());
        LSTM.Builder lstmBuilder =
                LSTM.builder()
                        .setStateSize(config.hiddenSize())
                        .setNumLayers(config.layers())
                        .optBatchFirst(true)
                        .optReturnState(false);
        if (config.layers() > 1) {
            lstmBuilder.optDropRate(config.dropout());
        }
        this.lstm = addChildBlock("lstm", lstmBuilder.build());
        this.dropout =
                addChildBlock("dropout", Dropout.builder().optRate(config.dropout()).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(showCount).build());
    }

    public ModelConfig config() {
        return config;
    }

    public int showCount() {
        return showCount;
    }

    public int assetCount() {
        return assetCount;
    }

    /** Returns the number of float features per step fed to the LSTM. */
    public int stepFeatures() {
        return config.showEmbeddingSize() + config.assetEmbeddingSize() + 1;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray shows = inputs.get(0);
        NDArray assets = inputs.get(1);
        NDArray minutes = inputs.get(2);

        NDArray sequence = lstmOutputs(parameterStore, shows, assets, minutes, training, params);
        NDArray last = sequence.get(":, -1, :");
        NDArray dropped = dropout.forward(parameterStore, new NDList(last), training).head();
        return output.forward(parameterStore, new NDList(dropped), training);
    }

    /**
     * Returns the logits after chosen steps of each window, for a loss on every step: the LSTM
     * output at each chosen step passes through dropout and the output layer, as the last step's
     * does in {@link #forward}. The LSTM reads each window from its oldest step, so the output at
     * step {@code s} depends only on steps {@code 0..s}.
     *
     * @param parameterStore the parameter store
     * @param inputs shows, assets and minutes, each of shape (batch, window)
     * @param positions int64 flat positions {@code row * window + step} of the chosen steps
     * @param training whether dropout is active
     * @return logits of shape (positions, showCount)
     */
    public NDArray stepLogits(
            ParameterStore parameterStore, NDList inputs, NDArray positions, boolean training) {
        NDArray sequence =
                lstmOutputs(
                        parameterStore,
                        inputs.get(0),
                        inputs.get(1),
                        inputs.get(2),
                        training,
                        null);
        NDArray flat = sequence.reshape(-1, config.hiddenSize());
        NDArray chosen = flat.get(positions);
        NDArray dropped = dropout.forward(parameterStore, new NDList(chosen), training).head();
        return output.forward(parameterStore, new NDList(dropped), training).singletonOrThrow();
    }

    private NDArray lstmOutputs(
            ParameterStore parameterStore,
            NDArray shows,
            NDArray assets,
            NDArray minutes,
            boolean training,
            PairList<String, Object> params) {
        NDArray showWeight = parameterStore.getValue(showEmbedding, shows.getDevice(), training);
        NDArray assetWeight = parameterStore.getValue(assetEmbedding, assets.getDevice(), training);
        NDArray showVectors =
                Embedding.embedding(shows, showWeight, SparseFormat.DENSE).singletonOrThrow();
        NDArray assetVectors =
                Embedding.embedding(assets, assetWeight, SparseFormat.DENSE).singletonOrThrow();
        NDArray scaledMinutes = scaleMinutes(minutes).expandDims(2);
        NDArray steps = showVectors.concat(assetVectors, 2).concat(scaledMinutes, 2);
        return lstm.forward(parameterStore, new NDList(steps), training, params).head();
    }

    private NDArray scaleMinutes(NDArray minutes) {
        if (config.minutesScaling() == ModelConfig.MinutesScaling.LOG1P) {
            return minutes.add(1f).log();
        }
        return minutes;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), showCount)};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape batchAndWindow = inputShapes[0];
        long batch = batchAndWindow.get(0);
        long window = batchAndWindow.get(1);
        lstm.initialize(manager, dataType, new Shape(batch, window, stepFeatures()));
        Shape lastStep = new Shape(batch, config.hiddenSize());
        dropout.initialize(manager, dataType, lastStep);
        output.initialize(manager, dataType, lastStep);
    }

    /** Returns the input shapes of a batch of {@code batch} windows. */
    public Shape[] inputShapes(long batch) {
        Shape shape = new Shape(batch, config.windowLength());
        return new Shape[] {shape, shape, shape};
    }

    @Override
    public String toString() {
        return "NextShowBlock[shows=" + showCount + ", assets=" + assetCount + ", " + config + "]";
    }
}
