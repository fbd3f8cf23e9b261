package dev.tvrecsys.model.serving;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.ModelMetadata;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowBlock;
import dev.tvrecsys.model.NextShowModel;
import java.nio.file.Path;
import java.util.List;

/**
 * DJL translator from a {@link History} to its top-k {@link Recommendation}s, for applications that
 * load models through {@link Criteria} and run them with a {@code Predictor}.
 *
 * <p>Encoding, ranking and filters are those of {@link ShowRecommender}, so both paths give the
 * same recommendations. An empty history is still run through the block, because DJL always calls
 * it, but its output is replaced by the popularity ranking. Like every DJL {@code Predictor}, one
 * predictor must not be used by two threads at once; {@link ShowRecommender} is the thread-safe
 * API.
 */
public final class NextShowTranslator
        implements NoBatchifyTranslator<History, List<Recommendation>> {

    private static final String EMPTY_HISTORY = "emptyHistory";

    private final Vocabularies vocabularies;
    private final float[] popularity;
    private final int k;
    private final RecommendOptions options;

    private NextShowTranslator(
            Vocabularies vocabularies, float[] popularity, int k, RecommendOptions options) {
        this.vocabularies = vocabularies;
        this.popularity = popularity;
        this.k = k;
        this.options = options;
    }

    /**
     * Creates a translator for a saved model directory.
     *
     * @param modelDirectory a directory written by {@link NextShowModel#save}
     * @param k maximum number of recommendations per history
     * @param options filters applied to every history
     * @return the translator
     * @throws IllegalArgumentException if k is not positive or options is null
     * @throws dev.tvrecsys.model.ModelFormatException if the metadata is missing or invalid
     */
    public static NextShowTranslator of(Path modelDirectory, int k, RecommendOptions options) {
        Vocabularies.requireK(k);
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        Vocabularies vocabularies = ShowRecommender.readVocabularies(modelDirectory);
        float[] popularity =
                ShowRecommender.readPopularity(modelDirectory, vocabularies.shows().size());
        return new NextShowTranslator(vocabularies, popularity, k, options);
    }

    /**
     * Builds DJL criteria that load a saved model directory with this translator. The block is
     * built from {@value ModelStore#METADATA_FILE} and its parameters come from {@value
     * ModelStore#PARAMETERS_FILE}, which DJL finds by the model name {@value NextShowModel#NAME}.
     *
     * @param modelDirectory a directory written by {@link NextShowModel#save}
     * @param device device for the parameters
     * @param k maximum number of recommendations per history
     * @param options filters applied to every history
     * @return criteria for {@code loadModel()}
     * @throws IllegalArgumentException if k is not positive or options is null
     * @throws dev.tvrecsys.model.ModelFormatException if the metadata is missing or invalid
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Criteria<History, List<Recommendation>> criteria(
            Path modelDirectory, Device device, int k, RecommendOptions options) {
        Engines.start();
        NextShowTranslator translator = of(modelDirectory, k, options);
        ModelMetadata metadata = ModelStore.readMetadata(modelDirectory);
        NextShowBlock block =
                new NextShowBlock(
                        metadata.config(),
                        translator.vocabularies.shows().size(),
                        translator.vocabularies.assets().size());
        Class<List<Recommendation>> outputType = (Class<List<Recommendation>>) (Class) List.class;
        return Criteria.builder()
                .setTypes(History.class, outputType)
                .optModelPath(modelDirectory)
                .optModelName(NextShowModel.NAME)
                .optEngine("PyTorch")
                .optDevice(device)
                .optBlock(block)
                .optTranslator(translator)
                .build();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, History input) {
        if (input == null) {
            throw new IllegalArgumentException("history must not be null");
        }
        ctx.setAttachment(EMPTY_HISTORY, input.isEmpty());
        ctx.setAttachment("watched", vocabularies.showIndices(input));
        SampleSet window = vocabularies.encode(input);
        return WindowBatches.inputs(ctx.getNDManager(), window, null, 0, 1);
    }

    @Override
    public List<Recommendation> processOutput(TranslatorContext ctx, NDList list) {
        int[] watched = (int[]) ctx.getAttachment("watched");
        float[] scores;
        if ((Boolean) ctx.getAttachment(EMPTY_HISTORY)) {
            scores =
                    popularity != null
                            ? popularity
                            : ShowRecommender.outputBias(ctx.getModel().getBlock());
        } else {
            scores = list.singletonOrThrow().toFloatArray();
        }
        return vocabularies.rank(scores, watched, k, options);
    }
}
