package dev.tvrecsys.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.WindowBatches;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.model.NextShowModel;
import java.util.List;
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
 * Inference of the reference model (13,350 shows, windows of 20) on the CPU: copying a batch of
 * windows into NDArrays, the forward pass in inference mode (dropout off) and the indices of the 10
 * highest logits per window, copied back to Java.
 *
 * <ul>
 *   <li>{@code batchThroughput}: batches of {@code batchSize} windows per second; multiply by the
 *       batch size for windows per second.
 *   <li>{@code singleWindowLatency}: the same for one window, sampled, so the JSON result holds the
 *       p50 and p99 latency in microseconds.
 * </ul>
 *
 * <p>Run: {@code java -jar recsys-bench/target/benchmarks.jar InferenceBenchmark}.
 */
@State(Scope.Thread)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class InferenceBenchmark {

    private static final int TOP_K = 10;

    @Param({"13350"})
    int shows;

    @Param({"512"})
    int batchSize;

    private NextShowModel model;
    private SampleSet batch;
    private SampleSet single;

    @Setup(Level.Trial)
    public void setUp() {
        Engines.start();
        IdVocabulary showVocabulary = IdVocabulary.fit(IntStream.range(0, shows).toArray());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(List.of());
        model =
                NextShowModel.create(
                        ModelConfig.defaults(), showVocabulary, assets, 21, 42, Device.cpu());
        batch =
                TrainingStepBenchmark.randomBatch(
                        batchSize, showVocabulary.size(), assets.size(), 42);
        single = TrainingStepBenchmark.randomBatch(1, showVocabulary.size(), assets.size(), 43);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long[] batchThroughput() {
        return topShows(batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long[] singleWindowLatency() {
        return topShows(single);
    }

    /** Returns the show indices of the 10 highest logits of each window, row by row. */
    private long[] topShows(SampleSet samples) {
        try (NDManager manager = model.djlModel().getNDManager().newSubManager()) {
            NDList inputs = WindowBatches.inputs(manager, samples, null, 0, samples.size());
            ParameterStore store = new ParameterStore(manager, false);
            NDArray logits = model.block().forward(store, inputs, false).singletonOrThrow();
            NDArray indices = logits.topK(TOP_K, 1).get(1);
            return indices.toLongArray();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        model.close();
    }
}
