package dev.tvrecsys.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Times the phases of one training step of the reference model on the CPU: batch creation, forward
 * pass with loss, backward pass and the Adam update ({@link Trainer#step()}), and prints the median
 * and p90 of each in milliseconds. Reading the loss value forces the forward pass to finish before
 * its time is taken, as PyTorch's CPU operators run synchronously.
 *
 * <p>Run: {@code java -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -cp
 * recsys-bench/target/benchmarks.jar dev.tvrecsys.bench.TrainingStepProfile 512 30}, where the
 * arguments are the batch size and the number of measured steps (after 5 warm-up steps).
 */
public final class TrainingStepProfile {

    private static final int WARMUP_STEPS = 5;

    private TrainingStepProfile() {}

    /**
     * Runs the profile.
     *
     * @param args batch size and number of measured steps
     */
    public static void main(String[] args) {
        int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Engines.start();
        IdVocabulary shows = IdVocabulary.fit(IntStream.range(0, 13_350).toArray());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(List.of());
        SampleSet batch =
                TrainingStepBenchmark.randomBatch(batchSize, shows.size(), assets.size(), 42);
        double[][] millis = new double[4][steps];
        try (NextShowModel model =
                        NextShowModel.create(
                                ModelConfig.defaults(), shows, assets, 21, 42, Device.cpu());
                Trainer trainer = new Trainer(model.djlModel(), trainingConfig())) {
            for (int step = 0; step < WARMUP_STEPS + steps; step++) {
                long start = System.nanoTime();
                try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
                    NDList inputs = WindowBatches.inputs(manager, batch, null, 0, batchSize);
                    NDList labels = WindowBatches.labels(manager, batch, null, 0, batchSize);
                    long created = System.nanoTime();
                    long forwarded;
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(inputs, labels);
                        NDArray loss = trainer.getLoss().evaluate(labels, predictions);
                        loss.getFloat();
                        forwarded = System.nanoTime();
                        collector.backward(loss);
                    }
                    long backwarded = System.nanoTime();
                    trainer.step();
                    long stepped = System.nanoTime();
                    if (step >= WARMUP_STEPS) {
                        int i = step - WARMUP_STEPS;
                        millis[0][i] = (created - start) / 1e6;
                        millis[1][i] = (forwarded - created) / 1e6;
                        millis[2][i] = (backwarded - forwarded) / 1e6;
                        millis[3][i] = (stepped - backwarded) / 1e6;
                    }
                }
            }
        }
        String[] phases = {"batch", "forward+loss", "backward", "optimizer step"};
        for (int phase = 0; phase < phases.length; phase++) {
            double[] sorted = millis[phase].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "%-15s median %8.2f ms  p90 %8.2f ms%n",
                    phases[phase], sorted[steps / 2], sorted[(int) (steps * 0.9)]);
        }
    }

    private static DefaultTrainingConfig trainingConfig() {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(new Device[] {Device.cpu()});
    }
}
