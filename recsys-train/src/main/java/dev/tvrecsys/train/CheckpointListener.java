package dev.tvrecsys.train;

import dev.tvrecsys.model.NextShowModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the model after every epoch to {@code directory/epoch-N}, each save atomic, with the
 * history so far in its metadata and the optimizer state, so that a killed run can resume from its
 * last finished epoch (see {@link TrainingCheckpoint}).
 */
public final class CheckpointListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);

    private final Path directory;
    private final String dataSource;
    private final long seed;
    private TrainingConfig config;

    /**
     * Creates a listener.
     *
     * @param directory parent directory of the checkpoints
     * @param dataSource where the training data came from, recorded in each checkpoint
     * @param seed training seed, recorded in each checkpoint
     */
    public CheckpointListener(Path directory, String dataSource, long seed) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.seed = seed;
    }

    @Override
    public void onTrainingStart(NextShowModel model, TrainingConfig value, int batchesPerEpoch) {
        this.config = value;
    }

    @Override
    public void onEpochEnd(
            EpochResult result,
            TrainingHistory history,
            NextShowModel model,
            AdamOptimizer optimizer) {
        Path target = directory.resolve("epoch-" + result.epoch());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("history", history.toMap());
        TrainingCheckpoint checkpoint =
                new TrainingCheckpoint(
                        result.epoch(), history.epochs(), optimizer.saveState(), config);
        try {
            model.save(target, dataSource, seed, metrics, checkpoint.files());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to save checkpoint " + target + ": " + e, e);
        }
        LOG.info("Saved checkpoint {}", target);
    }
}
