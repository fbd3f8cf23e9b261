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
        NDArray showWeight = parameterStore.getValue(showEmbedding, shows.getDevice(), training);
        NDArray assetWeight = parameterStore.getValue(assetEmbedding, assets.getDevice(), training);

        NDArray showVectors =
                Embedding.embedding(shows, showWeight, SparseFormat.DENSE).singletonOrThrow();
        NDArray assetVectors =
                Embedding.embedding(assets, assetWeight, SparseFormat.DENSE).singletonOrThrow();
        NDArray scaledMinutes = scaleMinutes(minutes).expandDims(2);
        NDArray steps = showVectors.concat(assetVectors, 2).concat(scaledMinutes, 2);

        NDArray sequence = lstm.forward(parameterStore, new NDList(steps), training, params).head();
        NDArray last = sequence.get(":, -1, :");
        NDArray dropped = dropout.forward(parameterStore, new NDList(last), training).head();
        return output.forward(parameterStore, new NDList(dropped), training);
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
