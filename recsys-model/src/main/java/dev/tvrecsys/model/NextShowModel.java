package dev.tvrecsys.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import java.util.Map;

/**
 * A next-show model: the DJL {@link Model} with its {@link NextShowBlock}, the vocabularies it was
 * trained with and its metadata.
 *
 * <p>Scoring with {@link #logits(SampleSet, int, int, float[][])} runs in inference mode (dropout
 * off) and frees its arrays before returning. Instances are not thread-safe; the serving API gives
 * each thread its own predictor.
 */
public final class NextShowModel implements AutoCloseable {

    /** Name of the DJL model and prefix of its files. */
    public static final String NAME = "next-show";

    private final Model model;
    private final NextShowBlock block;
    private final IdVocabulary shows;
    private final AssetTypeVocabulary assets;
    private final int windowStride;

    NextShowModel(
            Model model,
            NextShowBlock block,
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            int windowStride) {
        this.model = model;
        this.block = block;
        this.shows = shows;
        this.assets = assets;
        this.windowStride = windowStride;
    }

    /**
     * Creates a model with freshly initialized weights. The engine's random seed is set to {@code
     * seed} first, so the same seed gives the same initial weights on the CPU.
     *
     * @param config hyperparameters
     * @param shows show vocabulary
     * @param assets asset-type vocabulary
     * @param windowStride distance between training targets, recorded in the metadata
     * @param seed seed of the initial weights
     * @param device device for the parameters
     * @return the model
     */
    public static NextShowModel create(
            ModelConfig config,
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            int windowStride,
            long seed,
            Device device) {
        Engine engine = Engines.start();
        engine.setRandomSeed(Math.toIntExact(seed & 0x7fffffffL));
        NextShowBlock block = new NextShowBlock(config, shows.size(), assets.size());
        Model model = Model.newInstance(NAME, device, "PyTorch");
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, block.inputShapes(1));
        return new NextShowModel(model, block, shows, assets, windowStride);
    }

    /** Returns the DJL model. */
    public Model djlModel() {
        return model;
    }

    public NextShowBlock block() {
        return block;
    }

    public ModelConfig config() {
        return block.config();
    }

    public IdVocabulary shows() {
        return shows;
    }

    public AssetTypeVocabulary assets() {
        return assets;
    }

    public int windowStride() {
        return windowStride;
    }

    /** Returns the device that stores the parameters. */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** Returns the number of trainable scalars. */
    public long parameterCount() {
        long count = 0;
        for (Parameter parameter : block.getParameters().values()) {
            count += parameter.getArray().getShape().size();
        }
        return count;
    }

    /**
     * Writes the logits of samples [from, to) into {@code out}, one row per sample.
     *
     * @param samples input windows; their length must equal the configured window length
     * @param from first sample
     * @param to sample after the last one
     * @param out rows of length {@code shows().size()}
     * @throws IllegalArgumentException if the window length or output size does not match
     */
    public void logits(SampleSet samples, int from, int to, float[][] out) {
        if (samples.windowLength() != config().windowLength()) {
            throw new IllegalArgumentException(
                    "windows have "
                            + samples.windowLength()
                            + " steps but the model expects "
                            + config().windowLength());
        }
        int width = shows.size();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList inputs = WindowBatches.inputs(manager, samples, null, from, to);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray logits = block.forward(store, inputs, false).singletonOrThrow();
            float[] flat = logits.toFloatArray();
            for (int row = 0; row < to - from; row++) {
                if (out[row].length != width) {
                    throw new IllegalArgumentException(
                            "output rows must have length " + width + ", found " + out[row].length);
                }
                System.arraycopy(flat, row * width, out[row], 0, width);
            }
        }
    }

    /**
     * Saves this model to {@code directory} atomically; see {@link ModelStore#save}.
     *
     * @param directory target directory, replaced if it exists
     * @param dataSource where the training data came from
     * @param seed training seed
     * @param metrics final metrics and history
     * @throws java.io.UncheckedIOException if writing fails
     */
    public void save(
            java.nio.file.Path directory,
            String dataSource,
            long seed,
            Map<String, Object> metrics) {
        ModelStore.save(this, directory, dataSource, seed, metrics, Map.of());
    }

    /**
     * Saves this model like {@link #save(java.nio.file.Path, String, long, Map)}, with extra files
     * written into the same directory before it is renamed into place, so the extra files appear
     * together with the model or not at all.
     *
     * @param extraFiles file names (without a path) and contents
     * @throws IllegalArgumentException if a file name contains a path
     * @throws java.io.UncheckedIOException if writing fails
     */
    public void save(
            java.nio.file.Path directory,
            String dataSource,
            long seed,
            Map<String, Object> metrics,
            Map<String, byte[]> extraFiles) {
        ModelStore.save(this, directory, dataSource, seed, metrics, extraFiles);
    }

    /** Returns the shape of the parameter named {@code name}, for consistency checks. */
    Shape parameterShape(String name) {
        for (var entry : block.getParameters()) {
            if (entry.getKey().equals(name)) {
                return entry.getValue().getArray().getShape();
            }
        }
        throw new IllegalStateException("no parameter named " + name);
    }

    void loadParameters(java.io.DataInputStream input) throws java.io.IOException {
        try {
            block.loadParameters(model.getNDManager(), input);
        } catch (MalformedModelException e) {
            throw new ModelFormatException("parameter file does not match the model: " + e, e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "NextShowModel[" + block + ", " + shows + ", " + assets + "]";
    }
}
