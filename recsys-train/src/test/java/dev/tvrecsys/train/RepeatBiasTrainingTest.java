package dev.tvrecsys.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.protocol.LeaveOneOutProtocol;
import dev.tvrecsys.data.protocol.ProtocolSplit;
import dev.tvrecsys.data.protocol.TrainingSamples;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Trains the repeat bias on logs that reward and punish recommending shows from the window. */
class RepeatBiasTrainingTest {

    private static final int SHOWS = 200;
    private static final int WINDOW = 10;

    /** Returns a log where each viewer rewatches a personal set of 3 of the 200 shows at random. */
    private static EventLog rewatchLog(int viewers, int events, long seed) {
        Random random = new Random(seed);
        EventLog.Builder builder = EventLog.builder("rewatch", true);
        for (int viewer = 1; viewer <= viewers; viewer++) {
            int[] favourites = {
                random.nextInt(SHOWS), random.nextInt(SHOWS), random.nextInt(SHOWS)
            };
            for (int t = 0; t < events; t++) {
                int show = favourites[random.nextInt(favourites.length)];
                builder.add(viewer, t, 1000 + show, "VOD", 0, t, 0, t, 30);
            }
        }
        return builder.build();
    }

    /**
     * Returns a log where each viewer watches distinct shows, drawn without replacement with weight
     * {@code 1 / (s + 1)} for show {@code s}. The best guess is a popular show not yet in the
     * window.
     */
    private static EventLog noRepeatLog(int viewers, int events, long seed) {
        Random random = new Random(seed);
        EventLog.Builder builder = EventLog.builder("no repeat", true);
        for (int viewer = 1; viewer <= viewers; viewer++) {
            List<Integer> watched = new ArrayList<>();
            while (watched.size() < events) {
                double u = random.nextDouble() * harmonic(SHOWS);
                int show = 0;
                for (double sum = 1; sum < u; sum += 1.0 / (show + 1)) {
                    show++;
                }
                if (!watched.contains(show)) {
                    watched.add(show);
                }
            }
            for (int t = 0; t < events; t++) {
                builder.add(viewer, t, 1000 + watched.get(t), "VOD", 0, t, 0, t, 30);
            }
        }
        return builder.build();
    }

    private static double harmonic(int n) {
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1.0 / i;
        }
        return sum;
    }

    /**
     * Returns the mean over {@code samples} of the repeat bias added to the shows of each window:
     * logits minus the logits with the gate layer set to zero.
     */
    private static double meanWindowBias(NextShowModel model, SampleSet samples) {
        int width = model.shows().size();
        float[][] biased = new float[samples.size()][width];
        float[][] base = new float[samples.size()][width];
        model.logits(samples, 0, samples.size(), biased);

        List<float[]> saved = new ArrayList<>();
        List<NDArray> gates = new ArrayList<>();
        for (var entry : model.block().getParameters()) {
            if (entry.getKey().contains("repeat_gate")) {
                Parameter parameter = entry.getValue();
                saved.add(parameter.getArray().toFloatArray());
                gates.add(parameter.getArray());
                parameter.getArray().set(new float[(int) parameter.getArray().size()]);
            }
        }
        assertEquals(2, gates.size(), "gate weight and bias");
        model.logits(samples, 0, samples.size(), base);
        for (int i = 0; i < gates.size(); i++) {
            gates.get(i).set(saved.get(i));
        }

        double sum = 0;
        long count = 0;
        for (int row = 0; row < samples.size(); row++) {
            for (int step = 0; step < WINDOW; step++) {
                int show = samples.shows()[row * WINDOW + step];
                if (show >= IdVocabulary.RESERVED) {
                    sum += biased[row][show] - base[row][show];
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static double[] train(EventLog log, boolean repeatBias) {
        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        ProtocolSplit split =
                new LeaveOneOutProtocol(WINDOW, TrainingSamples.strided(WINDOW))
                        .split(ViewerHistories.of(log), shows, assets);
        ModelConfig modelConfig =
                ModelConfig.defaults()
                        .withEmbeddingSizes(16, 2)
                        .withHiddenSize(32)
                        .withWindowLength(WINDOW)
                        .withRepeatBias(repeatBias);
        TrainingConfig config =
                TrainingConfig.defaults()
                        .withEpochs(5)
                        .withBatchSize(32)
                        .withLearningRate(0.01f)
                        .withLossSteps(WINDOW)
                        .withEvaluationK(5);
        try (NextShowModel model =
                NextShowModel.create(modelConfig, shows, assets, 1, 42, Device.cpu())) {
            NextShowTrainer trainer = new NextShowTrainer(config, List.of());
            trainer.fit(model, split.train(), split.validation());
            double recall = trainer.validate(model, split.test())[1];
            double bias = repeatBias ? meanWindowBias(model, split.test()) : 0;
            return new double[] {recall, bias};
        }
    }

    @Test
    void fit_rewatchLogLearnsPositiveBias() {
        EventLog log = rewatchLog(300, 40, 3);
        double[] withBias = train(log, true);
        double[] without = train(log, false);
        // A next show is one of the viewer's 3 shows. All 3 are in a window of 10 with
        // probability 1 - 3 (2/3)^10 + 3 (1/3)^10, about 0.95.
        assertTrue(withBias[0] > 0.9, "recall@5 with the repeat bias " + withBias[0]);
        assertTrue(withBias[1] > 1, "mean bias on window shows " + withBias[1]);
        assertTrue(
                withBias[0] > without[0] + 0.1,
                "recall@5 " + withBias[0] + " with the bias, " + without[0] + " without");
    }

    @Test
    void fit_noRepeatLogLearnsNegativeBias() {
        EventLog log = noRepeatLog(300, 15, 4);
        double[] withBias = train(log, true);
        double[] without = train(log, false);
        assertTrue(withBias[1] < -1, "mean bias on window shows " + withBias[1]);
        assertTrue(
                withBias[0] > without[0],
                "recall@5 " + withBias[0] + " with the bias, " + without[0] + " without");
    }
}
