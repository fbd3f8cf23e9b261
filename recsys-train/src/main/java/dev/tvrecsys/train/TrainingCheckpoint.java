package dev.tvrecsys.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tvrecsys.model.ModelFormatException;
import dev.tvrecsys.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training state saved beside a checkpoint's model: the finished epoch, the history so far, the
 * training settings and the optimizer state, whose SHA-256 is recorded and checked on reading.
 *
 * @param epoch the last finished epoch, 1-based
 * @param history the results of epochs 1 to {@code epoch}
 * @param optimizerState bytes from {@link AdamOptimizer#saveState()}
 * @param config the settings of the run that wrote the checkpoint; null when the checkpoint does
 *     not record them
 */
public record TrainingCheckpoint(
        int epoch, List<EpochResult> history, byte[] optimizerState, TrainingConfig config) {

    /**
     * Checks that {@code resumed} trains the way the checkpoint's run did. Batch size, learning
     * rate and its decay, weight decay, loss steps, seed and evaluation k must match, because each
     * of them changes the weights or the history of the epochs still to run. Epochs, patience,
     * best-epoch restoring and progress interval may differ.
     *
     * @throws IllegalArgumentException naming every setting that differs
     */
    public void checkResumableWith(TrainingConfig resumed) {
        if (config == null) {
            return;
        }
        List<String> differences = new ArrayList<>();
        compare(differences, "batchSize", config.batchSize(), resumed.batchSize());
        compare(differences, "learningRate", config.learningRate(), resumed.learningRate());
        compare(
                differences,
                "learningRateDecay",
                config.learningRateDecay(),
                resumed.learningRateDecay());
        compare(differences, "weightDecay", config.weightDecay(), resumed.weightDecay());
        compare(differences, "lossSteps", config.lossSteps(), resumed.lossSteps());
        compare(differences, "seed", config.seed(), resumed.seed());
        compare(differences, "evaluationK", config.evaluationK(), resumed.evaluationK());
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot resume after epoch "
                            + epoch
                            + " with other training settings: "
                            + String.join(", ", differences)
                            + "; resume with the checkpoint's settings or start a new run");
        }
    }

    private static void compare(List<String> differences, String name, Object saved, Object now) {
        if (!saved.equals(now)) {
            differences.add(name + " was " + saved + ", now " + now);
        }
    }

    /** File of the optimizer state inside a checkpoint directory. */
    public static final String OPTIMIZER_FILE = "optimizer.bin";

    /** File of the epoch, history and optimizer checksum inside a checkpoint directory. */
    public static final String STATE_FILE = "training-state.json";

    private static final Pattern EPOCH_DIRECTORY = Pattern.compile("epoch-(\\d+)");

    /** Returns the two files to write into the checkpoint directory with the model. */
    Map<String, byte[]> files() throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("epoch", epoch);
        state.put("history", history);
        if (config != null) {
            state.put("training_config", config);
        }
        state.put("optimizer_sha256", sha256(optimizerState));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(OPTIMIZER_FILE, optimizerState);
        files.put(STATE_FILE, ModelStore.json().writeValueAsBytes(state));
        return files;
    }

    /**
     * Reads the training state of a checkpoint directory.
     *
     * @throws ModelFormatException if a file is missing, unparsable or fails its checksum
     */
    public static TrainingCheckpoint read(Path directory) {
        Path stateFile = directory.resolve(STATE_FILE);
        Path optimizerFile = directory.resolve(OPTIMIZER_FILE);
        try {
            if (!Files.isRegularFile(stateFile) || !Files.isRegularFile(optimizerFile)) {
                throw new ModelFormatException(
                        "checkpoint "
                                + directory
                                + " lacks "
                                + STATE_FILE
                                + " or "
                                + OPTIMIZER_FILE
                                + "; it was not written by a resumable run");
            }
            Map<String, Object> state =
                    ModelStore.json()
                            .readValue(
                                    stateFile.toFile(),
                                    new TypeReference<Map<String, Object>>() {});
            byte[] optimizerState = Files.readAllBytes(optimizerFile);
            String expected = String.valueOf(state.get("optimizer_sha256"));
            String actual = sha256(optimizerState);
            if (!actual.equals(expected)) {
                throw new ModelFormatException(
                        optimizerFile
                                + " has SHA-256 "
                                + actual
                                + " but "
                                + STATE_FILE
                                + " records "
                                + expected
                                + "; the checkpoint is corrupt. Resume from an earlier epoch.");
            }
            List<EpochResult> history = new ArrayList<>();
            for (Object row : (List<?>) state.get("history")) {
                history.add(ModelStore.json().convertValue(row, EpochResult.class));
            }
            int epoch = ((Number) state.get("epoch")).intValue();
            Object savedConfig = state.get("training_config");
            TrainingConfig config =
                    savedConfig == null
                            ? null
                            : ModelStore.json().convertValue(savedConfig, TrainingConfig.class);
            return new TrainingCheckpoint(epoch, history, optimizerState, config);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelFormatException) {
                throw (ModelFormatException) e;
            }
            throw new ModelFormatException("failed to read checkpoint " + directory + ": " + e, e);
        }
    }

    /**
     * Returns the checkpoint directory {@code epoch-N} with the largest N under {@code directory}
     * that has a complete training state, or null when there is none. Staging directories of
     * interrupted saves are hidden names and never match.
     */
    public static Path latest(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        Path latest = null;
        int latestEpoch = -1;
        try (var entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Matcher matcher = EPOCH_DIRECTORY.matcher(entry.getFileName().toString());
                if (matcher.matches()
                        && Files.isRegularFile(entry.resolve(STATE_FILE))
                        && Integer.parseInt(matcher.group(1)) > latestEpoch) {
                    latestEpoch = Integer.parseInt(matcher.group(1));
                    latest = entry;
                }
            }
        }
        return latest;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
