package dev.tvrecsys.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.WindowBatches;
import dev.tvrecsys.data.WindowDataset;
import dev.tvrecsys.data.protocol.LeaveOneOutProtocol;
import dev.tvrecsys.data.protocol.ProtocolSplit;
import dev.tvrecsys.data.protocol.TrainingSamples;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceLossTest {

    /** Two windows of 4: (pad pad 5 6) -> 7 and (5 6 7 8) -> 9, in show indices. */
    private static SampleSet twoWindows() {
        return new SampleSet(
                4,
                new int[] {0, 0, 5, 6, 5, 6, 7, 8},
                new int[] {0, 0, 2, 2, 2, 2, 2, 2},
                new float[] {0, 0, 10, 20, 10, 20, 30, 40},
                new int[] {7, 9},
                new int[] {107, 109},
                new int[] {1, 2},
                new long[] {3, 4});
    }

    @Test
    void stepLabels_paddedAndReorderedWindows() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Every step: window 1 skips its two padding steps; positions are row * 4 + step.
            NDList all = WindowBatches.stepLabels(manager, twoWindows(), null, 0, 2, 4);
            assertArrayEquals(new long[] {2, 3, 4, 5, 6, 7}, all.get(0).toLongArray());
            assertArrayEquals(new long[] {6, 7, 6, 7, 8, 9}, all.get(1).toLongArray());

            // The last two steps, with the windows taken in reverse order.
            NDList lastTwo =
                    WindowBatches.stepLabels(manager, twoWindows(), new int[] {1, 0}, 0, 2, 2);
            assertArrayEquals(new long[] {2, 3, 6, 7}, lastTwo.get(0).toLongArray());
            assertArrayEquals(new long[] {8, 9, 6, 7}, lastTwo.get(1).toLongArray());

            assertThrows(
                    IllegalArgumentException.class,
                    () -> WindowBatches.stepLabels(manager, twoWindows(), null, 0, 2, 5));
        }
    }

    @Test
    void fit_lossOnEveryStepWithDecay() {
        EventLog log = NextShowTrainerTest.plantedCycleLog(120, 40, 11);
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        // 120 viewers x 38 training events, windows of 5 every 5 events: 8 windows per viewer.
        ProtocolSplit split =
                new LeaveOneOutProtocol(5, TrainingSamples.strided(5))
                        .split(ViewerHistories.of(log), shows, assets);
        assertEquals(120 * 8, split.train().size());
        ModelConfig modelConfig =
                ModelConfig.defaults()
                        .withEmbeddingSizes(16, 4)
                        .withHiddenSize(32)
                        .withWindowLength(5);
        TrainingConfig config =
                TrainingConfig.defaults()
                        .withEpochs(4)
                        .withBatchSize(32)
                        .withLearningRate(0.01f)
                        .withLearningRateDecay(0.5f)
                        .withLossSteps(5);
        List<Float> learningRates = new ArrayList<>();
        TrainingListener recorder =
                new TrainingListener() {
                    @Override
                    public void onEpochEnd(
                            EpochResult result,
                            TrainingHistory history,
                            NextShowModel model,
                            AdamOptimizer optimizer) {
                        learningRates.add(optimizer.learningRate());
                    }
                };
        try (NextShowModel model =
                NextShowModel.create(modelConfig, shows, assets, 1, 42, Device.cpu())) {
            NextShowTrainer trainer = new NextShowTrainer(config, List.of(recorder));
            TrainingHistory history = trainer.fit(model, split.train(), split.validation());

            assertEquals(List.of(0.01f, 0.005f, 0.0025f, 0.00125f), learningRates);
            double firstLoss = history.epochs().get(0).trainLoss();
            double lastLoss = history.last().trainLoss();
            assertTrue(lastLoss < firstLoss * 0.6, "loss " + firstLoss + " -> " + lastLoss);
            // The target is the planted successor in 9 of 10 test events.
            double recall = trainer.validate(model, split.test())[1];
            assertTrue(recall > 0.8, "test recall@10 " + recall);
        }
    }

    @Test
    void config_invalidStepsAndDecay() {
        TrainingConfig defaults = TrainingConfig.defaults();
        assertEquals(1, defaults.lossSteps());
        assertEquals(0.001f, defaults.learningRate(3), 0f);
        assertEquals(
                0.0025f,
                defaults.withLearningRate(0.01f).withLearningRateDecay(0.5f).learningRate(3),
                1e-9f);
        assertThrows(IllegalArgumentException.class, () -> defaults.withLossSteps(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withLearningRateDecay(0f));
        assertThrows(IllegalArgumentException.class, () -> defaults.withLearningRateDecay(1.5f));
        // 0.001 * 0.01^99 is below the smallest float.
        IllegalArgumentException toZero =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> defaults.withEpochs(100).withLearningRateDecay(0.01f));
        assertEquals(
                "learningRateDecay 0.01 takes the learning rate 0.001 to 0 within 100 epochs;"
                        + " raise the decay or train fewer epochs",
                toZero.getMessage());
    }

    @Test
    void dataset_stepLabelsHaveNoPerSampleRecord() {
        WindowDataset dataset =
                WindowDataset.builder(twoWindows()).setSampling(2, false).optLossSteps(4).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(UnsupportedOperationException.class, () -> dataset.get(manager, 0));
            // One batch contains both windows in order, with the labels of stepLabels.
            for (Batch batch : dataset.getData(manager)) {
                try (batch) {
                    assertArrayEquals(
                            new long[] {2, 3, 4, 5, 6, 7}, batch.getLabels().get(0).toLongArray());
                    assertArrayEquals(
                            new long[] {6, 7, 6, 7, 8, 9}, batch.getLabels().get(1).toLongArray());
                }
            }
        }
    }
}
