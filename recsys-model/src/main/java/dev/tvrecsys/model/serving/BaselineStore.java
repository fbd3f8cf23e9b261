package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.eval.MarkovRecommender;
import dev.tvrecsys.eval.MostPopularRecommender;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.model.ModelFormatException;
import dev.tvrecsys.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Saves and loads the most-popular and Markov baselines, so that {@link ShowRecommender} serves
 * them like a model.
 *
 * <p>A baseline directory contains {@value #FILE}: the kind, the show and asset-type vocabularies,
 * the window length, the popularity scores and, for Markov, the transition counts in compressed
 * form. The file is written to a temporary name and renamed into place.
 */
public final class BaselineStore {

    /** File name of the baseline inside its directory. */
    public static final String FILE = "baseline.json";

    /** Kind of {@link MostPopularRecommender}. */
    public static final String MOST_POPULAR = "most-popular";

    /** Kind of {@link MarkovRecommender}. */
    public static final String MARKOV = "markov";

    private static final int FORMAT_VERSION = 1;

    private BaselineStore() {}

    /**
     * Contents of {@value #FILE}.
     *
     * @param formatVersion layout version, 1
     * @param kind {@value #MOST_POPULAR} or {@value #MARKOV}
     * @param showIds known show ids in vocabulary order
     * @param assetTypes known asset type names in vocabulary order
     * @param windowLength events per input window
     * @param popularity score per show index: target counts for most-popular, the back-off scores
     *     for Markov
     * @param transitionFrom from-index of each Markov transition, empty for most-popular
     * @param transitionTo to-index of each Markov transition
     * @param transitionCounts count of each Markov transition
     */
    record BaselineFile(
            int formatVersion,
            String kind,
            int[] showIds,
            List<String> assetTypes,
            int windowLength,
            float[] popularity,
            int[] transitionFrom,
            int[] transitionTo,
            int[] transitionCounts) {}

    /** A loaded baseline with its vocabularies. */
    record Loaded(Recommender scorer, Vocabularies vocabularies, float[] popularity) {}

    /**
     * Saves a fitted baseline with the vocabularies of the samples it was fitted on.
     *
     * @param directory target directory, created if absent
     * @param baseline a {@link MostPopularRecommender} or {@link MarkovRecommender}
     * @param shows show vocabulary
     * @param assets asset-type vocabulary
     * @param windowLength events per input window
     * @throws IllegalArgumentException for another kind of recommender, or a vocabulary size that
     *     differs from the baseline's show count
     * @throws UncheckedIOException if writing fails
     */
    public static void save(
            Path directory,
            Recommender baseline,
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            int windowLength) {
        if (baseline.showCount() != shows.size()) {
            throw new IllegalArgumentException(
                    "baseline scores "
                            + baseline.showCount()
                            + " show indices but the vocabulary has "
                            + shows.size());
        }
        BaselineFile file;
        if (baseline instanceof MostPopularRecommender popular) {
            file =
                    new BaselineFile(
                            FORMAT_VERSION,
                            MOST_POPULAR,
                            shows.knownIds(),
                            assets.names(),
                            windowLength,
                            popular.popularity(),
                            new int[0],
                            new int[0],
                            new int[0]);
        } else if (baseline instanceof MarkovRecommender markov) {
            int[][] transitions = markov.transitions();
            file =
                    new BaselineFile(
                            FORMAT_VERSION,
                            MARKOV,
                            shows.knownIds(),
                            assets.names(),
                            windowLength,
                            markov.backoff(),
                            transitions[0],
                            transitions[1],
                            transitions[2]);
        } else {
            throw new IllegalArgumentException(
                    "only most-popular and markov baselines can be saved, found "
                            + baseline.name());
        }
        Path target = directory.resolve(FILE);
        Path temporary = directory.resolve("." + FILE + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.write(temporary, ModelStore.json().writeValueAsBytes(file));
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
     * Loads a baseline directory.
     *
     * @throws ModelFormatException if the file is missing, unparsable or inconsistent
     */
    static Loaded load(Path directory) {
        Path path = directory.resolve(FILE);
        BaselineFile file;
        try {
            file = ModelStore.json().readValue(path.toFile(), BaselineFile.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ModelFormatException("baseline directory " + directory + " has no " + FILE);
        } catch (IOException e) {
            throw new ModelFormatException("failed to parse " + path + ": " + e.getMessage(), e);
        }
        if (file.formatVersion() != FORMAT_VERSION) {
            throw new ModelFormatException(
                    path + " has format version " + file.formatVersion() + ", expected 1");
        }
        try {
            IdVocabulary shows = IdVocabulary.ofKnownIds(file.showIds());
            AssetTypeVocabulary assets = AssetTypeVocabulary.ofNames(file.assetTypes());
            Vocabularies vocabularies = new Vocabularies(shows, assets, file.windowLength());
            if (file.windowLength() <= 0 || file.popularity().length != shows.size()) {
                throw new IllegalArgumentException(
                        "window length "
                                + file.windowLength()
                                + " or "
                                + file.popularity().length
                                + " popularity scores do not fit "
                                + shows.size()
                                + " show indices");
            }
            Recommender scorer;
            if (MOST_POPULAR.equals(file.kind())) {
                scorer = MostPopularRecommender.of(file.popularity());
            } else if (MARKOV.equals(file.kind())) {
                scorer =
                        MarkovRecommender.of(
                                file.popularity(),
                                file.transitionFrom(),
                                file.transitionTo(),
                                file.transitionCounts());
            } else {
                throw new IllegalArgumentException(
                        "kind must be "
                                + MOST_POPULAR
                                + " or "
                                + MARKOV
                                + ", found "
                                + file.kind());
            }
            return new Loaded(scorer, vocabularies, file.popularity());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException(path + " is invalid: " + e.getMessage(), e);
        }
    }
}
