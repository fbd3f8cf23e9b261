package dev.tvrecsys.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.tvrecsys.model.ModelFormatException;
import dev.tvrecsys.model.ModelStore;
import dev.tvrecsys.model.NextShowModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResumeTest {

    private static final ModelConfig MODEL =
            ModelConfig.defaults().withEmbeddingSizes(8, 2).withHiddenSize(16).withWindowLength(4);
    private static final TrainingConfig TRAINING =
            TrainingConfig.defaults().withEpochs(3).withBatchSize(32).withLearningRate(0.01f);

    private record Data(
            IdVocabulary shows,
            AssetTypeVocabulary assets,
            SampleSet train,
            SampleSet validation) {}

    private static Data data() {
        Random random = new Random(9);
        EventLog.Builder builder = EventLog.builder("resume", true);
        for (int viewer = 1; viewer <= 40; viewer++) {
            int show = random.nextInt(12);
            for (int t = 0; t < 15; t++) {
                builder.add(
                        viewer, t, 100 + show, t % 3 == 0 ? "CHANNEL" : "VOD", 0, t, 0, t, 5 + t);
                show = random.nextInt(4) == 0 ? random.nextInt(12) : (show + 1) % 12;
            }
        }
        EventLog log = builder.build();
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet all = Windowing.everyPrefix(4).samples(ViewerHistories.of(log), shows, assets);
        Split split = Split.reference(all.size());
        return new Data(shows, assets, all.subset(split.train()), all.subset(split.validation()));
    }

    /** Stops a run after the given epoch, as a killed process would, once it is saved. */
    private static final class Interrupt implements TrainingListener {
        private final int afterEpoch;

        Interrupt(int afterEpoch) {
            this.afterEpoch = afterEpoch;
        }

        @Override
        public void onEpochEnd(EpochResult result, TrainingHistory history, NextShowModel model) {
            if (result.epoch() == afterEpoch) {
                throw new IllegalStateException("interrupted after epoch " + afterEpoch);
            }
        }
    }

    /** Trains a new model with checkpoints in {@code checkpoints} until the given epoch ends. */
    private static void fitUntilInterrupted(
            TrainingConfig training, Data data, Path checkpoints, int afterEpoch) {
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            NextShowTrainer interrupted =
                    new NextShowTrainer(
                            training,
                            List.of(
                                    new CheckpointListener(checkpoints, "resume", 42),
                                    new Interrupt(afterEpoch)));
            assertThrows(
                    IllegalStateException.class,
                    () -> interrupted.fit(model, data.train(), data.validation()));
        }
    }

    private static float[][] logits(NextShowModel model, SampleSet samples) {
        float[][] out = new float[samples.size()][model.shows().size()];
        model.logits(samples, 0, samples.size(), out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resume_matchesUninterruptedRun(boolean everyStep, @TempDir Path dir) throws Exception {
        // With a loss on every step and a halving learning rate, the resumed epochs must also
        // take the learning rate of their own epoch.
        TrainingConfig training =
                everyStep ? TRAINING.withLossSteps(4).withLearningRateDecay(0.5f) : TRAINING;
        Data data = data();
        TrainingHistory uninterrupted;
        float[][] expected;
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            uninterrupted =
                    new NextShowTrainer(training, List.of())
                            .fit(model, data.train(), data.validation());
            expected = logits(model, data.validation());
        }

        Path checkpoints = dir.resolve("checkpoints");
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            NextShowTrainer interrupted =
                    new NextShowTrainer(
                            training,
                            List.of(
                                    new CheckpointListener(checkpoints, "resume", 42),
                                    new Interrupt(1)));
            IllegalStateException stop =
                    assertThrows(
                            IllegalStateException.class,
                            () -> interrupted.fit(model, data.train(), data.validation()));
            assertEquals("interrupted after epoch 1", stop.getMessage());
        }

        Path latest = TrainingCheckpoint.latest(checkpoints);
        assertEquals(checkpoints.resolve("epoch-1"), latest);
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(latest);
        assertEquals(1, checkpoint.epoch());
        try (NextShowModel model = ModelStore.load(latest, Device.cpu())) {
            TrainingHistory resumed =
                    new NextShowTrainer(
                                    training,
                                    List.of(new CheckpointListener(checkpoints, "resume", 42)))
                            .resume(model, data.train(), data.validation(), checkpoint);
            assertEquals(3, resumed.epochs().size());
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        uninterrupted.epochs().get(i).trainLoss(),
                        resumed.epochs().get(i).trainLoss(),
                        0.0);
                assertEquals(
                        uninterrupted.epochs().get(i).validationRecall(),
                        resumed.epochs().get(i).validationRecall(),
                        0.0);
            }
            float[][] actual = logits(model, data.validation());
            for (int row = 0; row < expected.length; row++) {
                assertArrayEquals(expected[row], actual[row], 0f, "row " + row);
            }
        }
        assertTrue(
                Files.isRegularFile(
                        checkpoints.resolve("epoch-3").resolve(TrainingCheckpoint.STATE_FILE)));
    }

    /**
     * Restoring the best epoch after a resume: with Adam 0.03 on this data, validation recall@10 is
     * highest in epoch 1 and no later epoch beats it, so an uninterrupted run ends with the weights
     * of epoch 1.
     */
    @Test
    void resume_restoresBestEpochBeforeInterruption(@TempDir Path dir) throws Exception {
        TrainingConfig training =
                TRAINING.withEpochs(4).withLearningRate(0.03f).withRestoreBest(true);
        Data data = data();
        float[][] expected;
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            TrainingHistory history =
                    new NextShowTrainer(training, List.of())
                            .fit(model, data.train(), data.validation());
            assertEquals(1, history.best().epoch());
            assertEquals(4, history.last().epoch());
            expected = logits(model, data.validation());
        }

        for (int interruptAfter : new int[] {1, 2}) {
            Path checkpoints = dir.resolve("after-" + interruptAfter);
            fitUntilInterrupted(training, data, checkpoints, interruptAfter);
            Path latest = checkpoints.resolve("epoch-" + interruptAfter);
            TrainingCheckpoint checkpoint = TrainingCheckpoint.read(latest);
            NextShowTrainer trainer = new NextShowTrainer(training, List.of());
            try (NextShowModel model = ModelStore.load(latest, Device.cpu())) {
                if (interruptAfter == 1) {
                    // The checkpoint is the best epoch, so its own weights are restored.
                    TrainingHistory resumed =
                            trainer.resume(model, data.train(), data.validation(), checkpoint);
                    assertEquals(1, resumed.weightsEpoch());
                } else {
                    try (NextShowModel best =
                            ModelStore.load(checkpoints.resolve("epoch-1"), Device.cpu())) {
                        trainer.resume(model, data.train(), data.validation(), checkpoint, best);
                    }
                }
                float[][] actual = logits(model, data.validation());
                for (int row = 0; row < expected.length; row++) {
                    assertArrayEquals(
                            expected[row],
                            actual[row],
                            0f,
                            "interrupted after " + interruptAfter + ", row " + row);
                }
            }
        }
    }

    @Test
    void resume_afterEarlyStopTrainsNoMoreEpochs(@TempDir Path dir) throws Exception {
        // Epoch 1 is best, so patience 2 stops the run after epoch 3 of 4. The process dies after
        // saving epoch 3, before the trainer returns.
        TrainingConfig training =
                TRAINING.withEpochs(4)
                        .withLearningRate(0.03f)
                        .withRestoreBest(true)
                        .withPatience(2);
        Data data = data();
        float[][] expected;
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            TrainingHistory history =
                    new NextShowTrainer(training, List.of())
                            .fit(model, data.train(), data.validation());
            assertEquals(3, history.epochs().size());
            assertEquals(1, history.best().epoch());
            expected = logits(model, data.validation());
        }
        Path checkpoints = dir.resolve("checkpoints");
        fitUntilInterrupted(training, data, checkpoints, 3);
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(checkpoints.resolve("epoch-3"));
        try (NextShowModel model = ModelStore.load(checkpoints.resolve("epoch-3"), Device.cpu());
                NextShowModel best =
                        ModelStore.load(checkpoints.resolve("epoch-1"), Device.cpu())) {
            TrainingHistory resumed =
                    new NextShowTrainer(training, List.of())
                            .resume(model, data.train(), data.validation(), checkpoint, best);
            assertEquals(3, resumed.epochs().size());
            assertEquals(1, resumed.weightsEpoch());
            float[][] actual = logits(model, data.validation());
            for (int row = 0; row < expected.length; row++) {
                assertArrayEquals(expected[row], actual[row], 0f, "row " + row);
            }
        }
        assertTrue(Files.notExists(checkpoints.resolve("epoch-4")));

        // Without the best epoch's weights the run keeps, and reports, the last epoch's.
        try (NextShowModel model = ModelStore.load(checkpoints.resolve("epoch-3"), Device.cpu())) {
            TrainingHistory resumed =
                    new NextShowTrainer(training, List.of())
                            .resume(model, data.train(), data.validation(), checkpoint);
            assertEquals(1, resumed.best().epoch());
            assertEquals(3, resumed.weightsEpoch());
            assertEquals(3, resumed.toMap().get("weights_epoch"));
        }
    }

    @Test
    void read_rejectsCorruptOptimizerState(@TempDir Path dir) throws Exception {
        Data data = data();
        Path checkpoints = dir.resolve("checkpoints");
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            new NextShowTrainer(
                            TRAINING.withEpochs(1),
                            List.of(new CheckpointListener(checkpoints, "resume", 42)))
                    .fit(model, data.train(), data.validation());
        }
        Path optimizer = checkpoints.resolve("epoch-1").resolve(TrainingCheckpoint.OPTIMIZER_FILE);
        byte[] bytes = Files.readAllBytes(optimizer);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(optimizer, bytes);
        ModelFormatException error =
                assertThrows(
                        ModelFormatException.class,
                        () -> TrainingCheckpoint.read(checkpoints.resolve("epoch-1")));
        assertTrue(error.getMessage().contains("SHA-256"), error.getMessage());
    }

    @Test
    void resume_otherSettings(@TempDir Path dir) throws Exception {
        Data data = data();
        Path checkpoints = dir.resolve("checkpoints");
        try (NextShowModel model =
                NextShowModel.create(MODEL, data.shows(), data.assets(), 1, 42, Device.cpu())) {
            new NextShowTrainer(
                            TRAINING.withEpochs(1),
                            List.of(new CheckpointListener(checkpoints, "resume", 42)))
                    .fit(model, data.train(), data.validation());
        }
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(checkpoints.resolve("epoch-1"));
        assertEquals(TRAINING.withEpochs(1), checkpoint.config());
        try (NextShowModel model = ModelStore.load(checkpoints.resolve("epoch-1"), Device.cpu())) {
            // More epochs and another patience are allowed; the loss steps are not.
            NextShowTrainer other =
                    new NextShowTrainer(
                            TRAINING.withEpochs(3).withPatience(1).withLossSteps(4), List.of());
            IllegalArgumentException error =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> other.resume(model, data.train(), data.validation(), checkpoint));
            assertEquals(
                    "cannot resume after epoch 1 with other training settings: lossSteps was 1,"
                            + " now 4; resume with the checkpoint's settings or start a new run",
                    error.getMessage());
            TrainingHistory resumed =
                    new NextShowTrainer(TRAINING.withEpochs(2).withPatience(1), List.of())
                            .resume(model, data.train(), data.validation(), checkpoint);
            assertEquals(2, resumed.epochs().size());
        }
    }
}
