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
import dev.tvrecsys.data.IdVocabulary;

/**
 * The embedding + LSTM next-show model as a DJL block.
 *
 * <p>Input: an {@link NDList} of three arrays of shape (batch, window): show indices (int32),
 * asset-type indices (int32) and raw watch minutes (float32). Each step becomes the concatenation
 * of its show embedding, its asset-type embedding and its scaled minutes. The LSTM runs over the
 * window, and its output at the last step passes through dropout into a linear layer with one logit
 * per show index, padding and unknown included. Output: logits of shape (batch, showCount).
 *
 * <p>With {@link ModelConfig#tiedOutput()}, the output layer is a projection to the show embedding
 * width followed by a dot product with every show's embedding and a per-show bias. With {@link
 * ModelConfig#inputDropout()} above 0, dropout also applies to the step features before the LSTM.
 * With {@link ModelConfig#repeatBias()}, a linear layer maps the same LSTM output to two scores:
 * the first is added to the logit of every show that occurs in the window up to that step, the
 * second to the logit of the show at that step. Padding and unknown get neither.
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
    private final Dropout inputDropout;
    private final Linear output;
    private final Linear projection;
    private final Parameter outputBias;
    private final Linear repeatGate;

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
        if (config.tiedOutput()) {
            this.output = null;
            this.projection =
                    addChildBlock(
                            "output_projection",
                            Linear.builder().setUnits(config.showEmbeddingSize()).build());
            this.outputBias =
                    addParameter(
                            Parameter.builder()
                                    .setName("output_bias")
                                    .setType(Parameter.Type.BIAS)
                                    .optShape(new Shape(showCount))
                                    .build());
        } else {
            this.output = addChildBlock("output", Linear.builder().setUnits(showCount).build());
            this.projection = null;
            this.outputBias = null;
        }
        this.inputDropout =
                config.inputDropout() > 0f
                        ? addChildBlock(
                                "input_dropout",
                                Dropout.builder().optRate(config.inputDropout()).build())
                        : null;
        this.repeatGate =
                config.repeatBias()
                        ? addChildBlock("repeat_gate", Linear.builder().setUnits(2).build())
                        : null;
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
        NDArray logits = outputLogits(parameterStore, dropped, training);
        if (repeatGate == null) {
            return new NDList(logits);
        }
        long batch = shows.getShape().get(0);
        long window = shows.getShape().get(1);
        NDArray lastSteps =
                shows.getManager().arange(window - 1, batch * window, window, DataType.INT64);
        return new NDList(
                addRepeatBias(parameterStore, shows, lastSteps, dropped, logits, training));
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
        NDArray logits = outputLogits(parameterStore, dropped, training);
        if (repeatGate == null) {
            return logits;
        }
        return addRepeatBias(parameterStore, inputs.get(0), positions, dropped, logits, training);
    }

    /** Returns the logits of shape (rows, showCount) for LSTM outputs of shape (rows, hidden). */
    private NDArray outputLogits(ParameterStore parameterStore, NDArray hidden, boolean training) {
        if (output != null) {
            return output.forward(parameterStore, new NDList(hidden), training).head();
        }
        NDArray projected = projection.forward(parameterStore, new NDList(hidden), training).head();
        NDArray embedding = parameterStore.getValue(showEmbedding, hidden.getDevice(), training);
        NDArray bias = parameterStore.getValue(outputBias, hidden.getDevice(), training);
        return projected.matMul(embedding.transpose()).add(bias);
    }

    /**
     * Adds the repeat bias to the logits of the chosen steps. The bias of each row is built by one
     * scatter of {@code window} values into zeros: each distinct show in the window up to that step
     * gets the first gate's score, and the show at that step also the second's. Only the first
     * occurrence of a show writes its value, later occurrences write 0 into the padding column, so
     * no show is counted twice and the gradient of each gate is the sum over distinct shows.
     *
     * @param shows show indices of shape (batch, window)
     * @param positions int64 flat positions {@code row * window + step} of the chosen steps
     * @param hidden LSTM outputs of the chosen steps after dropout, shape (positions, hidden)
     * @param logits output-layer logits of the chosen steps, shape (positions, showCount)
     */
    private NDArray addRepeatBias(
            ParameterStore parameterStore,
            NDArray shows,
            NDArray positions,
            NDArray hidden,
            NDArray logits,
            boolean training) {
        NDManager manager = shows.getManager();
        NDArray index = shows.toType(DataType.INT64, false);
        long batch = index.getShape().get(0);
        int window = Math.toIntExact(index.getShape().get(1));
        Shape pairs = new Shape(batch, window, window);

        // same[b, s, t]: the shows at steps s and t of window b are equal.
        NDArray same = index.reshape(batch, window, 1).eq(index.reshape(batch, 1, window));
        NDArray earlier = manager.create(triangle(window, false), new Shape(1, window, window));
        NDArray repeated =
                same.logicalAnd(earlier).toType(DataType.INT32, false).sum(new int[] {2});
        NDArray first =
                repeated.eq(0)
                        .logicalAnd(index.gte(IdVocabulary.RESERVED))
                        .toType(DataType.FLOAT32, false);

        // in[b, s, t]: step t is at or before step s and is the first occurrence of its show.
        NDArray upTo = manager.create(triangle(window, true), new Shape(1, window, window));
        NDArray in = first.reshape(batch, 1, window).mul(upTo);
        NDArray current = in.mul(same.toType(DataType.FLOAT32, false));
        NDArray rows = index.reshape(batch, 1, window).broadcast(pairs);

        NDArray chosenIn = in.reshape(batch * window, window).get(positions);
        NDArray chosenCurrent = current.reshape(batch * window, window).get(positions);
        NDArray chosenShows =
                rows.reshape(batch * window, window)
                        .get(positions)
                        .mul(chosenIn.toType(DataType.INT64, false));

        NDArray gates = repeatGate.forward(parameterStore, new NDList(hidden), training).head();
        NDArray values =
                chosenIn.mul(gates.get(":, 0:1")).add(chosenCurrent.mul(gates.get(":, 1:2")));
        NDArray bias = manager.zeros(logits.getShape()).scatter(chosenShows, values, 1);
        return logits.add(bias);
    }

    /**
     * Returns a (window, window) mask, row-major, true at {@code [s, t]} where {@code t < s}, or
     * {@code t <= s} when {@code inclusive}.
     */
    private static boolean[] triangle(int window, boolean inclusive) {
        boolean[] mask = new boolean[window * window];
        for (int s = 0; s < window; s++) {
            for (int t = 0; t < (inclusive ? s + 1 : s); t++) {
                mask[s * window + t] = true;
            }
        }
        return mask;
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
        if (inputDropout != null) {
            steps = inputDropout.forward(parameterStore, new NDList(steps), training).head();
        }
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
        if (output != null) {
            output.initialize(manager, dataType, lastStep);
        } else {
            projection.initialize(manager, dataType, lastStep);
        }
        if (inputDropout != null) {
            inputDropout.initialize(manager, dataType, new Shape(batch, window, stepFeatures()));
        }
        if (repeatGate != null) {
            repeatGate.initialize(manager, dataType, lastStep);
        }
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
