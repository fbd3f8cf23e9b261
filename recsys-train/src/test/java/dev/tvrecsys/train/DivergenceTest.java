package dev.tvrecsys.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.Split;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes training diverge after a good epoch and checks that it stops with {@link
 * TrainingDivergedException} while the good checkpoint stays loadable.
 *
 * <p>The run is resumed from the epoch-1 checkpoint, with its recorded settings removed, with a
 * learning rate of {@link Float#MAX_VALUE}. The first Adam step moves every weight by about the
 * learning rate, so the next forward pass overflows to infinity and the loss becomes NaN or
 * infinite.
 */
class DivergenceTest {

    private static final ModelConfig MODEL =
            ModelConfig.defaults().withEmbeddingSizes(4, 2).withHiddenSize(8).withWindowLength(3);
    private static final TrainingConfig GOOD =
            TrainingConfig.defaults().withEpochs(1).withBatchSize(16).withLearningRate(0.01f);

    @Test
    void nanLoss_stopsAndKeepsGoodCheckpoint(@TempDir Path dir) throws Exception {
        EventLog.Builder builder = EventLog.builder("divergence", true);
        for (int viewer = 1; viewer <= 20; viewer++) {
            for (int t = 0; t < 10; t++) {
                builder.add(viewer, t, 100 + (viewer + t) % 5, "VOD", 0, t, 0, t, 10 + t);
            }
        }
        EventLog log = builder.build();
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet all = Windowing.everyPrefix(3).samples(ViewerHistories.of(log), shows, assets);
        Split split = Split.reference(all.size());
        SampleSet train = all.subset(split.train());
        SampleSet validation = all.subset(split.validation());
        Path checkpoints = dir.resolve("checkpoints");

        try (NextShowModel model =
                NextShowModel.create(MODEL, shows, assets, 1, 42, Device.cpu())) {
            new NextShowTrainer(GOOD, List.of(new CheckpointListener(checkpoints, "good", 42)))
                    .fit(model, train, validation);
        }
        Path good = TrainingCheckpoint.latest(checkpoints);
        assertEquals(checkpoints.resolve("epoch-1"), good);
        byte[] goodParameters = Files.readAllBytes(good.resolve(ModelStore.PARAMETERS_FILE));

        TrainingConfig exploding = GOOD.withEpochs(3).withLearningRate(Float.MAX_VALUE);
        try (NextShowModel model = ModelStore.load(good, Device.cpu())) {
            NextShowTrainer trainer =
                    new NextShowTrainer(
                            exploding, List.of(new CheckpointListener(checkpoints, "bad", 42)));
            // The checkpoint records the learning rate 0.01, which a resume must keep; without
            // the recorded settings the exploding rate is accepted.
            TrainingCheckpoint saved = TrainingCheckpoint.read(good);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> trainer.resume(model, train, validation, saved));
            TrainingCheckpoint checkpoint =
                    new TrainingCheckpoint(
                            saved.epoch(), saved.history(), saved.optimizerState(), null);
            TrainingDivergedException e =
                    assertThrows(
                            TrainingDivergedException.class,
                            () -> trainer.resume(model, train, validation, checkpoint));
            assertTrue(e.getMessage().contains("at epoch 2, batch "), e.getMessage());
        }

        assertEquals(good, TrainingCheckpoint.latest(checkpoints));
        assertFalse(Files.exists(checkpoints.resolve("epoch-2")));
        assertArrayEquals(
                goodParameters, Files.readAllBytes(good.resolve(ModelStore.PARAMETERS_FILE)));
        try (NextShowModel model = ModelStore.load(good, Device.cpu())) {
            float[][] logits = new float[validation.size()][model.shows().size()];
            model.logits(validation, 0, validation.size(), logits);
            for (float[] row : logits) {
                for (float value : row) {
                    assertTrue(Float.isFinite(value), "logit " + value);
                }
            }
        }
    }
}
