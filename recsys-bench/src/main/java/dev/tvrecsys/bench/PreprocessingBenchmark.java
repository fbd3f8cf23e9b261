package dev.tvrecsys.bench;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import dev.tvrecsys.data.io.PlaybackParquetReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per pass of the preprocessing steps on a seeded synthetic playback log of {@code events}
 * events; events per second is {@code events} divided by the score in seconds.
 *
 * <ul>
 *   <li>{@code windows}: {@link ViewerHistories#of} and {@link Windowing#reference()} samples, from
 *       a log already in memory. The show vocabulary is fitted in the setup.
 *   <li>{@code readParquet}: {@link PlaybackParquetReader#read(Path)} of the generated file.
 *   <li>{@code parquetToWindows}: reading, vocabulary fitting, grouping and windowing together.
 * </ul>
 *
 * <p>The generated file contains a few percent more rows than {@code events} because the generator
 * writes whole viewers; the Parquet scores are per file, so divide by the row count that the setup
 * prints. The data is cached as described in {@link BenchData}.
 *
 * <p>Run: {@code java -jar recsys-bench/target/benchmarks.jar PreprocessingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx6g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PreprocessingBenchmark {

    @Param({"1000000", "5000000"})
    int events;

    private EventLog log;
    private Path parquetFile;
    private IdVocabulary shows;
    private AssetTypeVocabulary assets;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        parquetFile = BenchData.parquetFile(events);
        log = BenchData.eventLog(events);
        shows = IdVocabulary.fit(log.showIds());
        assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        long fileRows = PlaybackParquetReader.read(parquetFile).log().size();
        System.out.println(
                "Log of " + log.size() + " events; " + parquetFile + " has " + fileRows + " rows");
    }

    @Benchmark
    public SampleSet windows() {
        ViewerHistories histories = ViewerHistories.of(log);
        return Windowing.reference().samples(histories, shows, assets);
    }

    @Benchmark
    public EventLog readParquet() throws IOException {
        return PlaybackParquetReader.read(parquetFile).log();
    }

    @Benchmark
    public void parquetToWindows(Blackhole blackhole) throws IOException {
        EventLog fileLog = PlaybackParquetReader.read(parquetFile).log();
        IdVocabulary fileShows = IdVocabulary.fit(fileLog.showIds());
        AssetTypeVocabulary fileAssets = AssetTypeVocabulary.fit(fileLog.assetTypeNames());
        ViewerHistories histories = ViewerHistories.of(fileLog);
        blackhole.consume(Windowing.reference().samples(histories, fileShows, fileAssets));
    }
}
