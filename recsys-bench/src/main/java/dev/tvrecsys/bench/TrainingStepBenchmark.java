package dev.tvrecsys.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import dev.tvrecsys.train.AdamOptimizer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one training step (forward, backward, Adam update) of the reference model: 13,350
 * shows, windows of 20, embeddings of 32 and 32, hidden size 128, at batch sizes 128, 512 and 2048.
 * The score is steps per second; multiply by the batch size for samples per second.
 *
 * <p>The {@code gpu} cases need a CUDA build of the PyTorch native library (see the module README).
 * Without a GPU their setup throws {@link IllegalStateException}, so JMH reports those cases as
 * failed and records no score for them, and the other cases still run. Pass {@code -p device=cpu}
 * to leave them out. The fork runs with a 2 GB heap, the heap budget of training at reference
 * scale.
 *
 * <p>Run: {@code java -jar recsys-bench/target/benchmarks.jar TrainingStepBenchmark -p device=cpu}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class TrainingStepBenchmark {

    @Param({"13350"})
    int shows;

    @Param({"128", "512", "2048"})
    int batchSize;

    @Param({"cpu", "gpu"})
    String device;

    private NextShowModel model;
    private AdamOptimizer optimizer;
    private Loss loss;
    private NDManager batchManager;
    private NDList inputs;
    private NDList labels;

    @Setup(Level.Trial)
    public void setUp() {
        Engine engine = Engines.start();
        if (device.equals("gpu") && engine.getGpuCount() == 0) {
            throw new IllegalStateException(
                    "no GPU present: the PyTorch engine sees 0 GPUs, so the gpu case is skipped;"
                            + " run with -p device=cpu, or on a GPU machine with a CUDA build of"
                            + " the PyTorch native library");
        }
        int[] ids = IntStream.range(0, shows).toArray();
        IdVocabulary showVocabulary = IdVocabulary.fit(ids);
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(List.of());
        model =
                NextShowModel.create(
                        ModelConfig.defaults(),
                        showVocabulary,
                        assets,
                        21,
                        42,
                        Engines.parseDevice(device));
        optimizer = new AdamOptimizer(model, 1e-3f, 0f);
        loss = Loss.softmaxCrossEntropyLoss();
        SampleSet batch = randomBatch(batchSize, showVocabulary.size(), assets.size(), 42);
        batchManager = model.djlModel().getNDManager().newSubManager();
        inputs = WindowBatches.inputs(batchManager, batch, null, 0, batchSize);
        labels = WindowBatches.labels(batchManager, batch, null, 0, batchSize);
    }

    static SampleSet randomBatch(int size, int showCount, int assetCount, long seed) {
        Random random = new Random(seed);
        int window = 20;
        int[] showIndices = new int[size * window];
        int[] assetIndices = new int[size * window];
        float[] minutes = new float[size * window];
        int[] targets = new int[size];
        for (int i = 0; i < size * window; i++) {
            showIndices[i] = 2 + random.nextInt(showCount - 2);
            assetIndices[i] = 2 + random.nextInt(assetCount - 2);
            minutes[i] = random.nextInt(120);
        }
        for (int i = 0; i < size; i++) {
            targets[i] = 2 + random.nextInt(showCount - 2);
        }
        return new SampleSet(
                window,
                showIndices,
                assetIndices,
                minutes,
                targets,
                targets.clone(),
                new int[size],
                new long[size]);
    }

    @Benchmark
    public float trainingStep() {
        float value;
        try (NDManager step = batchManager.newSubManager()) {
            NDList stepInputs = new NDList(inputs.size());
            for (NDArray array : inputs) {
                NDArray view = array.duplicate();
                view.attach(step);
                stepInputs.add(view);
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList predictions =
                        model.block().forward(new ParameterStore(step, false), stepInputs, true);
                NDArray lossArray = loss.evaluate(labels, predictions);
                collector.backward(lossArray);
                value = lossArray.getFloat();
            }
            optimizer.update();
        }
        return value;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (batchManager == null) {
            return;
        }
        batchManager.close();
        optimizer.close();
        model.close();
    }
}
