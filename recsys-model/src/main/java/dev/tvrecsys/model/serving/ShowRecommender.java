package dev.tvrecsys.model.serving;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.model.LstmRecommender;
import dev.tvrecsys.model.ModelFormatException;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Top-k show recommendations from a saved model or baseline directory, safe to share between
 * threads.
 *
 * <p>Every call scores in its own NDManager, a sub-manager of the model's, and frees it before
 * returning, so concurrent calls share only the read-only parameters. The baselines keep their
 * counts in read-only arrays.
 *
 * <p>Fallbacks and stored data:
 *
 * <ul>
 *   <li>An empty history is ranked by popularity: {@value #POPULARITY_FILE} in the directory when
 *       {@link #savePopularity} wrote one, otherwise the bias of the LSTM model's output layer,
 *       which tracks the log-frequency of targets after training but is random for an untrained
 *       model. Baselines use their own popularity.
 *   <li>{@link #recommendForViewer} uses each viewer's newest {@code windowLength} events, read
 *       from {@value ViewerWindows#FILE} (written by {@link #saveViewerWindows}) or built from an
 *       {@link EventLog} passed to {@link #load(Path, Device, EventLog)}.
 *   <li>Histories longer than the window keep their newest events; excluding watched shows still
 *       uses every event of the history, but only the stored window of a stored viewer.
 * </ul>
 */
public final class ShowRecommender implements AutoCloseable {

    /** File name of the popularity scores inside a model directory. */
    public static final String POPULARITY_FILE = "popularity.json";

    private static final Logger LOG = LoggerFactory.getLogger(ShowRecommender.class);

    private final String name;
    private final Recommender scorer;
    private final NextShowModel model;
    private final Vocabularies vocabularies;
    private final float[] popularity;
    private final ViewerWindows viewers;

    private ShowRecommender(
            String name,
            Recommender scorer,
            NextShowModel model,
            Vocabularies vocabularies,
            float[] popularity,
            ViewerWindows viewers) {
        this.name = name;
        this.scorer = scorer;
        this.model = model;
        this.vocabularies = vocabularies;
        this.popularity = popularity;
        this.viewers = viewers;
    }

    /**
     * Loads a model directory ({@link NextShowModel#save}) or a baseline directory ({@link
     * BaselineStore#save}), with the viewer windows stored in it, if any.
     *
     * @param directory the directory
     * @param device device for the model parameters; baselines ignore it
     * @return the recommender, which the caller must close
     * @throws ModelFormatException if the directory is missing, incomplete or inconsistent
     */
    public static ShowRecommender load(Path directory, Device device) {
        return load(directory, device, null);
    }

    /**
     * Loads a model or baseline directory and builds the viewer windows from {@code viewerLog}.
     *
     * @param directory the directory
     * @param device device for the model parameters; baselines ignore it
     * @param viewerLog events to build viewer windows from, or null to read {@value
     *     ViewerWindows#FILE} from the directory when present
     * @return the recommender, which the caller must close
     * @throws ModelFormatException if the directory is missing, incomplete or inconsistent
     */
    public static ShowRecommender load(Path directory, Device device, EventLog viewerLog) {
        if (Files.isRegularFile(directory.resolve(BaselineStore.FILE))) {
            BaselineStore.Loaded baseline = BaselineStore.load(directory);
            Vocabularies vocabularies = baseline.vocabularies();
            ViewerWindows viewers = viewers(directory, vocabularies, viewerLog);
            LOG.info(
                    "Serving baseline {} from {}: {} shows, {} viewers",
                    baseline.scorer().name(),
                    directory,
                    vocabularies.shows().size() - IdVocabulary.RESERVED,
                    viewers.size());
            return new ShowRecommender(
                    baseline.scorer().name(),
                    baseline.scorer(),
                    null,
                    vocabularies,
                    baseline.popularity(),
                    viewers);
        }
        NextShowModel model = ModelStore.load(directory, device);
        try {
            Vocabularies vocabularies =
                    new Vocabularies(model.shows(), model.assets(), model.config().windowLength());
            float[] popularity = readPopularity(directory, model.shows().size());
            if (popularity == null) {
                popularity = outputBias(model);
            }
            ViewerWindows viewers = viewers(directory, vocabularies, viewerLog);
            LOG.info(
                    "Serving LSTM model from {} on {}: {} shows, {} viewers",
                    directory,
                    model.device(),
                    model.shows().size() - IdVocabulary.RESERVED,
                    viewers.size());
            return new ShowRecommender(
                    "lstm", new LstmRecommender(model), model, vocabularies, popularity, viewers);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Recommends shows to follow {@code history}.
     *
     * @param history the viewer's events, oldest first; only the newest {@link #windowLength()} are
     *     scored, and an empty history is ranked by popularity
     * @param k maximum number of recommendations
     * @param options filters
     * @return at most k recommendations, best first; fewer when fewer shows are eligible
     * @throws IllegalArgumentException if an argument is null or k is not positive
     */
    public List<Recommendation> recommend(History history, int k, RecommendOptions options) {
        requireNonNull(history, "history");
        requireNonNull(options, "options");
        Vocabularies.requireK(k);
        int[] watched = vocabularies.showIndices(history);
        if (history.isEmpty()) {
            return vocabularies.rank(popularity, watched, k, options);
        }
        return vocabularies.rank(score(vocabularies.encode(history), 0), watched, k, options);
    }

    /**
     * Recommends shows to a viewer from the viewer's stored window.
     *
     * @param viewerId external viewer id
     * @param k maximum number of recommendations
     * @param options filters; excluding watched shows covers the shows of the stored window
     * @return at most k recommendations, best first
     * @throws IllegalArgumentException if {@code options} is null or k is not positive
     * @throws NoSuchElementException if the viewer has no stored window
     */
    public List<Recommendation> recommendForViewer(int viewerId, int k, RecommendOptions options) {
        requireNonNull(options, "options");
        Vocabularies.requireK(k);
        int index = viewers.indexOf(viewerId);
        if (index < 0) {
            throw new NoSuchElementException(
                    "viewer " + viewerId + " not found among the " + viewers.size() + " stored");
        }
        return recommendWindows(viewers.samples(), index, index + 1, k, options).get(0);
    }

    /**
     * Scores windows {@code [from, to)} in one forward pass and ranks each window's scores.
     *
     * @return one ranked list per window
     */
    List<List<Recommendation>> recommendWindows(
            SampleSet windows, int from, int to, int k, RecommendOptions options) {
        float[][] rows = new float[to - from][vocabularies.shows().size()];
        scorer.score(windows, from, to, rows);
        int windowLength = windows.windowLength();
        List<List<Recommendation>> result = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int inputs = windows.historyLength(i);
            int[] watched = new int[inputs];
            System.arraycopy(windows.shows(), (i + 1) * windowLength - inputs, watched, 0, inputs);
            float[] scores = inputs == 0 ? popularity : rows[i - from];
            result.add(vocabularies.rank(scores, watched, k, options));
        }
        return result;
    }

    private float[] score(SampleSet window, int index) {
        float[][] row = new float[1][vocabularies.shows().size()];
        scorer.score(window, index, index + 1, row);
        return row[0];
    }

    /** Returns whether {@code viewerId} has a stored window. */
    public boolean hasViewer(int viewerId) {
        return viewers.indexOf(viewerId) >= 0;
    }

    /** Returns the number of viewers with a stored window. */
    public int viewerCount() {
        return viewers.size();
    }

    /**
     * Returns the scorer's name: {@code lstm} or the baseline's {@link Recommender#name()}, for
     * example {@code most-popular}, {@code markov} or {@code v-sknn}.
     */
    public String name() {
        return name;
    }

    /** Returns the number of events scored per history. */
    public int windowLength() {
        return vocabularies.windowLength();
    }

    Vocabularies vocabularies() {
        return vocabularies;
    }

    /** Closes the model, if this recommender loaded one. */
    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }

    /**
     * Writes the popularity scores used for empty histories into a saved model directory.
     *
     * @param modelDirectory a directory written by {@link NextShowModel#save}
     * @param scores one score per show index of the model, padding and unknown included, for
     *     example {@code MostPopularRecommender.popularity()}
     * @throws IllegalArgumentException if the length differs from the model's show vocabulary
     * @throws ModelFormatException if the directory has no readable model metadata
     * @throws UncheckedIOException if writing fails
     */
    public static void savePopularity(Path modelDirectory, float[] scores) {
        int showCount = ModelStore.readMetadata(modelDirectory).showIds().length;
        showCount += IdVocabulary.RESERVED;
        if (scores.length != showCount) {
            throw new IllegalArgumentException(
                    "popularity must have one score per show index ("
                            + showCount
                            + "), found "
                            + scores.length);
        }
        Path target = modelDirectory.resolve(POPULARITY_FILE);
        Path temporary = modelDirectory.resolve("." + POPULARITY_FILE + ".tmp");
        try {
            Files.write(temporary, ModelStore.json().writeValueAsBytes(scores));
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + target + ": " + e, e);
        }
    }

    /**
     * Builds the inference window of every viewer in {@code log} and stores it in a model or
     * baseline directory as {@value ViewerWindows#FILE}.
     *
     * @param directory a model or baseline directory
     * @param log the viewers' events
     * @throws ModelFormatException if the directory has no readable metadata
     * @throws UncheckedIOException if writing fails
     */
    public static void saveViewerWindows(Path directory, EventLog log) {
        Vocabularies vocabularies = readVocabularies(directory);
        ViewerWindows.of(
                        log,
                        vocabularies.shows(),
                        vocabularies.assets(),
                        vocabularies.windowLength())
                .save(directory.resolve(ViewerWindows.FILE));
    }

    static Vocabularies readVocabularies(Path directory) {
        if (Files.isRegularFile(directory.resolve(BaselineStore.FILE))) {
            return BaselineStore.load(directory).vocabularies();
        }
        var metadata = ModelStore.readMetadata(directory);
        return new Vocabularies(
                IdVocabulary.ofKnownIds(metadata.showIds()),
                dev.tvrecsys.data.AssetTypeVocabulary.ofNames(metadata.assetTypes()),
                metadata.config().windowLength());
    }

    private static ViewerWindows viewers(
            Path directory, Vocabularies vocabularies, EventLog viewerLog) {
        if (viewerLog != null) {
            return ViewerWindows.of(
                    viewerLog,
                    vocabularies.shows(),
                    vocabularies.assets(),
                    vocabularies.windowLength());
        }
        Path file = directory.resolve(ViewerWindows.FILE);
        if (!Files.isRegularFile(file)) {
            return ViewerWindows.of(
                    EventLog.builder("no viewer windows", false).build(),
                    vocabularies.shows(),
                    vocabularies.assets(),
                    vocabularies.windowLength());
        }
        ViewerWindows windows =
                ViewerWindows.load(file, vocabularies.shows().size(), vocabularies.assets().size());
        if (windows.windowLength() != vocabularies.windowLength()) {
            throw new ModelFormatException(
                    file
                            + " has windows of "
                            + windows.windowLength()
                            + " events but the scorer expects "
                            + vocabularies.windowLength());
        }
        return windows;
    }

    static float[] readPopularity(Path directory, int showCount) {
        Path file = directory.resolve(POPULARITY_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        float[] scores;
        try {
            scores = ModelStore.json().readValue(file.toFile(), float[].class);
        } catch (IOException e) {
            throw new ModelFormatException("failed to parse " + file + ": " + e.getMessage(), e);
        }
        if (scores.length != showCount) {
            throw new ModelFormatException(
                    file + " has " + scores.length + " scores but the model has " + showCount);
        }
        return scores;
    }

    /** Returns the bias of the model's output layer, one value per show index. */
    static float[] outputBias(NextShowModel model) {
        return outputBias(model.block());
    }

    /** Returns the bias of a {@link dev.tvrecsys.model.NextShowBlock}'s output layer. */
    static float[] outputBias(ai.djl.nn.Block block) {
        // DJL prefixes child parameter names with the child's position, as in "04output_bias".
        for (Pair<String, Parameter> entry : block.getParameters()) {
            if (entry.getKey().endsWith("output_bias")) {
                NDArray bias = entry.getValue().getArray();
                return bias.toFloatArray();
            }
        }
        throw new ModelFormatException("the model has no parameter named output_bias");
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
