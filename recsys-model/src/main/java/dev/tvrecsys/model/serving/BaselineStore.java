package dev.tvrecsys.model.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.eval.MarkovRecommender;
import dev.tvrecsys.eval.MostPopularRecommender;
import dev.tvrecsys.eval.Recommender;
import dev.tvrecsys.model.ModelFormatException;
import dev.tvrecsys.model.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Saves and loads the baselines of recsys-eval, so that {@link ShowRecommender} serves them like a
 * model.
 *
 * <p>A baseline directory contains {@value #FILE} with the kind, the show and asset-type
 * vocabularies and the window length. Two layouts exist:
 *
 * <ul>
 *   <li>Format version 1, for {@value #MOST_POPULAR} and {@value #MARKOV}: the fitted popularity
 *       scores and, for Markov, the transition counts in compressed form.
 *   <li>Format version 2, for every other {@link BaselineSpec} kind: the spec and the SHA-256 of
 *       {@value SampleSetFile#FILE}, the training samples the baseline was fitted on. Loading
 *       checks the checksum and fits the baseline again, which gives the same scores because every
 *       fit is deterministic. Loading therefore takes as long as fitting.
 * </ul>
 *
 * <p>A save writes a staging directory next to the target and renames it into place, so readers
 * never see a partly written directory, though the target is briefly absent while an existing one
 * is replaced. Other files in an existing target directory, such as viewer windows, are removed
 * with it.
 */
public final class BaselineStore {

    /** File name of the baseline inside its directory. */
    public static final String FILE = "baseline.json";

    /** Kind of {@link MostPopularRecommender}. */
    public static final String MOST_POPULAR = "most-popular";

    /** Kind of {@link MarkovRecommender}. */
    public static final String MARKOV = "markov";

    private static final int FORMAT_VERSION = 1;

    /** Format version of baselines stored as a spec plus training samples. */
    private static final int SPEC_FORMAT_VERSION = 2;

    private BaselineStore() {}

    /**
     * Contents of {@value #FILE}. Null components are left out of the JSON, so a version 1 file has
     * the same fields as before version 2 existed.
     *
     * @param formatVersion layout version, 1 or 2
     * @param kind {@value #MOST_POPULAR} or {@value #MARKOV} in version 1, any {@link BaselineSpec}
     *     kind in version 2
     * @param showIds known show ids in vocabulary order
     * @param assetTypes known asset type names in vocabulary order
     * @param windowLength events per input window
     * @param popularity score per show index: target counts for most-popular, the back-off scores
     *     for Markov
     * @param transitionFrom from-index of each Markov transition, empty for most-popular
     * @param transitionTo to-index of each Markov transition
     * @param transitionCounts count of each Markov transition
     * @param spec the baseline to fit on load, version 2 only
     * @param samplesSha256 SHA-256 of {@value SampleSetFile#FILE}, version 2 only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BaselineFile(
            int formatVersion,
            String kind,
            int[] showIds,
            List<String> assetTypes,
            int windowLength,
            float[] popularity,
            int[] transitionFrom,
            int[] transitionTo,
            int[] transitionCounts,
            BaselineSpec spec,
            String samplesSha256) {}

    /** A loaded baseline with its vocabularies. */
    record Loaded(Recommender scorer, Vocabularies vocabularies, float[] popularity) {}

    /**
     * Saves a fitted baseline with the vocabularies of the samples it was fitted on.
     *
     * @param directory target directory, replaced if it exists
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
                            new int[0],
                            null,
                            null);
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
                            transitions[2],
                            null,
                            null);
        } else {
            throw new IllegalArgumentException(
                    "only fitted most-popular and markov baselines can be saved this way, found "
                            + baseline.name()
                            + ". Save other baselines with a BaselineSpec and their"
                            + " training samples");
        }
        BaselineFile json = file;
        writeDirectory(directory, staging -> Files.write(staging.resolve(FILE), toJson(json)));
    }

    /**
     * Fits the baseline that {@code spec} describes and saves it so that {@link
     * ShowRecommender#load} serves the same scores.
     *
     * <p>{@value #MOST_POPULAR} and {@value #MARKOV} are saved fitted, in format version 1, as by
     * {@link #save(Path, Recommender, IdVocabulary, AssetTypeVocabulary, int)}. Every other kind is
     * saved as the spec plus {@code train} in {@value SampleSetFile#FILE}, and is fitted again on
     * load. For those kinds an empty history is ranked by target counts, or by the recent counts
     * for {@value BaselineSpec#MOST_POPULAR_RECENT}.
     *
     * @param directory target directory, replaced if it exists
     * @param spec kind and parameters of the baseline
     * @param train training samples, all with a target, in the show vocabulary {@code shows}
     * @param shows show vocabulary
     * @param assets asset-type vocabulary
     * @param windowLength events per input window, equal to {@code train.windowLength()}
     * @throws IllegalArgumentException if an argument is null, the window lengths differ, or the
     *     samples do not fit the vocabulary (as {@link BaselineSpec#fit} reports)
     * @throws UncheckedIOException if writing fails
     */
    public static void save(
            Path directory,
            BaselineSpec spec,
            SampleSet train,
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            int windowLength) {
        requireNonNull(directory, "directory");
        requireNonNull(spec, "spec");
        requireNonNull(train, "train");
        requireNonNull(shows, "shows");
        requireNonNull(assets, "assets");
        if (train.windowLength() != windowLength) {
            throw new IllegalArgumentException(
                    "training samples have windows of "
                            + train.windowLength()
                            + " events but windowLength is "
                            + windowLength);
        }
        // Fitting now rejects samples outside the vocabulary at save time, not at load time.
        Recommender fitted = spec.fit(train, shows.size());
        if (MOST_POPULAR.equals(spec.kind()) || MARKOV.equals(spec.kind())) {
            save(directory, fitted, shows, assets, windowLength);
            return;
        }
        writeDirectory(
                directory,
                staging -> {
                    String sha256 = SampleSetFile.write(train, staging.resolve(SampleSetFile.FILE));
                    BaselineFile file =
                            new BaselineFile(
                                    SPEC_FORMAT_VERSION,
                                    spec.kind(),
                                    shows.knownIds(),
                                    assets.names(),
                                    windowLength,
                                    null,
                                    null,
                                    null,
                                    null,
                                    spec,
                                    sha256);
                    Files.write(staging.resolve(FILE), toJson(file));
                });
    }

    /**
     * Loads a baseline directory.
     *
     * @throws ModelFormatException if a file is missing, unparsable, fails its checksum or is
     *     inconsistent
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
        if (file.formatVersion() != FORMAT_VERSION && file.formatVersion() != SPEC_FORMAT_VERSION) {
            throw new ModelFormatException(
                    path
                            + " has format version "
                            + file.formatVersion()
                            + ", expected "
                            + FORMAT_VERSION
                            + " or "
                            + SPEC_FORMAT_VERSION);
        }
        Vocabularies vocabularies;
        try {
            IdVocabulary shows = IdVocabulary.ofKnownIds(file.showIds());
            AssetTypeVocabulary assets = AssetTypeVocabulary.ofNames(file.assetTypes());
            if (file.windowLength() <= 0) {
                throw new IllegalArgumentException(
                        "window length must be positive, found " + file.windowLength());
            }
            vocabularies = new Vocabularies(shows, assets, file.windowLength());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException(path + " is invalid: " + e.getMessage(), e);
        }
        if (file.formatVersion() == SPEC_FORMAT_VERSION) {
            return loadFromSpec(directory, path, file, vocabularies);
        }
        return loadFitted(path, file, vocabularies);
    }

    private static Loaded loadFitted(Path path, BaselineFile file, Vocabularies vocabularies) {
        try {
            int showCount = vocabularies.shows().size();
            if (file.popularity().length != showCount) {
                throw new IllegalArgumentException(
                        file.popularity().length
                                + " popularity scores do not fit "
                                + showCount
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
                                + " in format version "
                                + FORMAT_VERSION
                                + ", found "
                                + file.kind());
            }
            return new Loaded(scorer, vocabularies, file.popularity());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFormatException(path + " is invalid: " + e.getMessage(), e);
        }
    }

    private static Loaded loadFromSpec(
            Path directory, Path path, BaselineFile file, Vocabularies vocabularies) {
        BaselineSpec spec = file.spec();
        if (spec == null || file.samplesSha256() == null) {
            throw new ModelFormatException(
                    path
                            + " is invalid: format version "
                            + SPEC_FORMAT_VERSION
                            + " needs the fields spec and samplesSha256");
        }
        if (!spec.kind().equals(file.kind())) {
            throw new ModelFormatException(
                    path
                            + " is invalid: kind "
                            + file.kind()
                            + " differs from spec kind "
                            + spec.kind());
        }
        Path samplesPath = directory.resolve(SampleSetFile.FILE);
        SampleSet train = SampleSetFile.read(samplesPath, file.samplesSha256());
        if (train.windowLength() != vocabularies.windowLength()) {
            throw new ModelFormatException(
                    samplesPath
                            + " has windows of "
                            + train.windowLength()
                            + " events but "
                            + path
                            + " has window length "
                            + vocabularies.windowLength());
        }
        int showCount = vocabularies.shows().size();
        Recommender scorer;
        try {
            scorer = spec.fit(train, showCount);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(
                    samplesPath + " does not fit " + path + ": " + e.getMessage(), e);
        }
        float[] popularity =
                scorer instanceof MostPopularRecommender popular
                        ? popular.popularity()
                        : MostPopularRecommender.fit(train, showCount).popularity();
        return new Loaded(scorer, vocabularies, popularity);
    }

    private static byte[] toJson(BaselineFile file) throws IOException {
        return ModelStore.json().writeValueAsBytes(file);
    }

    /** Writes the files of a baseline directory into a staging directory. */
    @FunctionalInterface
    private interface StagedWrite {
        void write(Path staging) throws IOException;
    }

    /**
     * Runs {@code write} on a new staging directory next to {@code directory}, flushes the files to
     * disk and renames the staging directory to {@code directory}, replacing it.
     */
    private static void writeDirectory(Path directory, StagedWrite write) {
        Path target = directory.toAbsolutePath().normalize();
        Path staging =
                target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            Files.createDirectory(staging);
            write.write(staging);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            }
            replaceDirectory(staging, target);
        } catch (IOException e) {
            deleteTree(staging);
            throw new UncheckedIOException("failed to save baseline to " + target + ": " + e, e);
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    private static void replaceDirectory(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes a directory tree, ignoring errors, because leftovers do not affect the save. */
    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Leftovers are named .<target>.tmp-* or .<target>.old-* and are never read.
        }
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }
}
