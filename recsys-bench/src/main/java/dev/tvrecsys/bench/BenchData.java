package dev.tvrecsys.bench;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.io.PlaybackParquetReader;
import dev.tvrecsys.data.synthetic.SyntheticPlaybackGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Seeded synthetic playback logs of an exact number of events, shared by the preprocessing
 * benchmarks and the CSV export for the pandas peer.
 *
 * <p>The generator writes whole viewers, so a file is generated with slightly more viewers than
 * needed and the log is cut to its first {@code events} rows, which keeps every viewer but the last
 * one complete. Generated files are cached in the folder named by the system property {@value
 * #DATA_DIRECTORY_PROPERTY}, by default {@code tvrecsys-bench} under {@code java.io.tmpdir}, and
 * reused when the same size is requested again.
 */
final class BenchData {

    /** System property naming the folder of cached generated files. */
    static final String DATA_DIRECTORY_PROPERTY = "tvrecsys.bench.data";

    /** Events per viewer of the default generator configuration: 1,628,416 / 20,000. */
    private static final double EVENTS_PER_VIEWER = 81.4;

    private BenchData() {}

    /** Returns the generator configuration that yields at least {@code events} events. */
    static SyntheticPlaybackGenerator.Config config(int events) {
        int viewers = (int) Math.ceil(events / EVENTS_PER_VIEWER * 1.05);
        return SyntheticPlaybackGenerator.Config.defaults().withViewers(viewers);
    }

    /**
     * Returns a Parquet file of the generated log for {@code events}, generating it on first use.
     * The file contains slightly more than {@code events} rows.
     */
    static Path parquetFile(int events) {
        SyntheticPlaybackGenerator.Config config = config(events);
        Path directory = dataDirectory();
        Path file =
                directory.resolve(
                        "synthetic-v"
                                + config.viewers()
                                + "-d"
                                + config.days()
                                + "-s"
                                + config.seed()
                                + ".parquet");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, "generating-", ".parquet");
            SyntheticPlaybackGenerator.write(partial, config);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("failed to generate benchmark data in " + directory, e);
        }
    }

    /**
     * Returns the first {@code events} rows of the generated log.
     *
     * @throws IllegalStateException if the generated file contains fewer rows
     */
    static EventLog eventLog(int events) {
        EventLog full;
        try {
            full = PlaybackParquetReader.read(parquetFile(events)).log();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read generated benchmark data", e);
        }
        if (full.size() < events) {
            throw new IllegalStateException(
                    "generated log has " + full.size() + " events, fewer than " + events);
        }
        return firstRows(full, events);
    }

    private static EventLog firstRows(EventLog log, int rows) {
        EventLog.Builder builder = EventLog.builder(log.source(), log.hasClockTime());
        for (int row = 0; row < rows; row++) {
            builder.add(
                    log.userId(row),
                    log.sessionId(row),
                    log.showId(row),
                    log.assetType(row),
                    log.episodeId(row),
                    log.time(row),
                    log.day(row),
                    log.minuteOfDay(row),
                    log.watchMinutes(row));
        }
        return builder.build();
    }

    private static Path dataDirectory() {
        String configured = System.getProperty(DATA_DIRECTORY_PROPERTY);
        if (configured != null) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "tvrecsys-bench");
    }
}
