package dev.tvrecsys.train;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextShowTrainerTest {

    private static final int SHOWS = 30;

    /**
     * Viewers walk a cycle of 30 shows (show s is followed by show s + 1), starting at random
     * places, with one event in ten replaced by a random show. Most-popular can only guess about 10
     * of 30 next shows; a sequence model can learn the successor.
     */
    static EventLog plantedCycleLog(int viewers, int eventsPerViewer, long seed) {
        Random random = new Random(seed);
        EventLog.Builder builder = EventLog.builder("planted cycle", true);
        for (int viewer = 1; viewer <= viewers; viewer++) {
            int show = random.nextInt(SHOWS);
            for (int t = 0; t < eventsPerViewer; t++) {
                int watched = random.nextInt(10) == 0 ? random.nextInt(SHOWS) : show;
                builder.add(viewer, t, 100 + watched, "VOD", 0, t, 0, t % 1440, 30);
                show = (show + 1) % SHOWS;
            }
        }
        return builder.build();
    }

    private static double popularityRecallAt10(SampleSet train, SampleSet test, int showCount) {
        int[] counts = new int[showCount];
        for (int i = 0; i < train.size(); i++) {
            counts[train.target(i)]++;
        }
        float[] scores = new float[showCount];
        for (int s = 0; s < showCount; s++) {
            scores[s] = counts[s];
        }
        int hits = 0;
        for (int i = 0; i < test.size(); i++) {
            if (NextShowTrainer.isHit(scores, 0, showCount, test.target(i), 10)) {
                hits++;
            }
        }
        return (double) hits / test.size();
    }

    @Test
    void fit_learnsPlantedSequenceAndBeatsPopularity(@TempDir Path dir) {
        EventLog log = plantedCycleLog(120, 40, 1);
        ViewerHistories histories = ViewerHistories.of(log);
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet all = Windowing.everyPrefix(5).samples(histories, shows, assets);
        Split split = Split.reference(all.size());
        SampleSet train = all.subset(split.train());
        SampleSet validation = all.subset(split.validation());
        SampleSet test = all.subset(split.test());

        ModelConfig modelConfig =
                ModelConfig.defaults()
                        .withEmbeddingSizes(16, 4)
                        .withHiddenSize(32)
                        .withWindowLength(5);
        TrainingConfig config =
                TrainingConfig.defaults().withEpochs(6).withBatchSize(64).withLearningRate(0.01f);
        List<Double> batchLosses = new ArrayList<>();
        TrainingListener recorder =
                new TrainingListener() {
                    @Override
                    public void onBatch(int e, int b, int n, double loss, double rate) {
                        batchLosses.add(loss);
                    }
                };
        Path checkpoints = dir.resolve("checkpoints");
        try (NextShowModel model =
                NextShowModel.create(modelConfig, shows, assets, 1, 42, Device.cpu())) {
            NextShowTrainer trainer =
                    new NextShowTrainer(
                            config,
                            List.of(
                                    recorder,
                                    new ProgressListener(10, false),
                                    new CheckpointListener(checkpoints, "planted", 42)));
            TrainingHistory history = trainer.fit(model, train, validation);

            assertEquals(6, history.epochs().size());
            double firstLoss = history.epochs().get(0).trainLoss();
            double lastLoss = history.last().trainLoss();
            assertTrue(lastLoss < firstLoss * 0.5, "loss " + firstLoss + " -> " + lastLoss);
            assertTrue(batchLosses.get(0) > batchLosses.get(batchLosses.size() - 1));

            double modelRecall = trainer.validate(model, test)[1];
            double popularRecall = popularityRecallAt10(train, test, shows.size());
            assertTrue(popularRecall < 0.5, "popularity recall@10 " + popularRecall);
            assertTrue(modelRecall > 0.8, "model recall@10 " + modelRecall);
            assertTrue(modelRecall > popularRecall + 0.3);
        }
        for (int epoch = 1; epoch <= 6; epoch++) {
            assertTrue(
                    Files.exists(
                            checkpoints
                                    .resolve("epoch-" + epoch)
                                    .resolve(ModelStore.METADATA_FILE)));
        }
    }

    @Test
    void fit_sameSeedGivesSameHistory() {
        EventLog log = plantedCycleLog(30, 20, 2);
        ViewerHistories histories = ViewerHistories.of(log);
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet all = Windowing.everyPrefix(4).samples(histories, shows, assets);
        ModelConfig modelConfig =
                ModelConfig.defaults()
                        .withEmbeddingSizes(8, 2)
                        .withHiddenSize(8)
                        .withWindowLength(4);
        TrainingConfig config = TrainingConfig.defaults().withEpochs(2).withBatchSize(32);
        double[] losses = new double[2];
        for (int run = 0; run < 2; run++) {
            try (NextShowModel model =
                    NextShowModel.create(modelConfig, shows, assets, 1, 7, Device.cpu())) {
                TrainingHistory history =
                        new NextShowTrainer(config, List.of())
                                .fit(model, all, all.subset(new int[0]));
                losses[run] = history.last().trainLoss();
            }
        }
        assertEquals(losses[0], losses[1], 0.0);
        assertFalse(Double.isNaN(losses[0]));
    }

    @Test
    void fit_restoresBestEpochAndStopsEarly() {
        EventLog log = plantedCycleLog(60, 30, 4);
        ViewerHistories histories = ViewerHistories.of(log);
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet all = Windowing.everyPrefix(4).samples(histories, shows, assets);
        Split split = Split.reference(all.size());
        SampleSet train = all.subset(split.train());
        SampleSet validation = all.subset(split.validation());
        ModelConfig modelConfig =
                ModelConfig.defaults()
                        .withEmbeddingSizes(8, 2)
                        .withHiddenSize(16)
                        .withWindowLength(4);
        // A learning rate of 0.3 makes Adam overshoot, so later epochs get worse than the best.
        TrainingConfig config =
                TrainingConfig.defaults()
                        .withEpochs(12)
                        .withBatchSize(32)
                        .withLearningRate(0.3f)
                        .withPatience(2)
                        .withRestoreBest(true);
        try (NextShowModel model =
                NextShowModel.create(modelConfig, shows, assets, 1, 5, Device.cpu())) {
            NextShowTrainer trainer = new NextShowTrainer(config, List.of());
            TrainingHistory history = trainer.fit(model, train, validation);

            EpochResult best = history.best();
            assertTrue(best.epoch() < history.last().epoch(), "best is last: " + best);
            assertEquals(best.epoch() + 2, history.last().epoch());
            assertTrue(history.epochs().size() < 12);
            assertEquals(best.validationRecall(), trainer.validate(model, validation)[1], 1e-9);
        }
    }

    @Test
    void fit_rejectsEmptyTrainingSet() {
        EventLog log = plantedCycleLog(2, 3, 3);
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet none = Windowing.reference().samples(ViewerHistories.of(log), shows, assets);
        assertEquals(0, none.size());
        try (NextShowModel model =
                NextShowModel.create(ModelConfig.defaults(), shows, assets, 21, 1, Device.cpu())) {
            NextShowTrainer trainer = new NextShowTrainer(TrainingConfig.defaults(), List.of());
            IllegalArgumentException error =
                    assertThrows(
                            IllegalArgumentException.class, () -> trainer.fit(model, none, none));
            assertTrue(error.getMessage().contains("no training samples"), error.getMessage());
        }
    }

    @Test
    void isHit_breaksTiesTowardLowerIndex() {
        // Indices 0 and 1 are padding and unknown and never count.
        float[] scores = {9f, 9f, 1f, 5f, 5f, 3f};
        assertTrue(NextShowTrainer.isHit(scores, 0, 6, 3, 1));
        assertFalse(NextShowTrainer.isHit(scores, 0, 6, 4, 1));
        assertTrue(NextShowTrainer.isHit(scores, 0, 6, 4, 2));
        assertFalse(NextShowTrainer.isHit(scores, 0, 6, 1, 6));
    }
}
