package dev.tvrecsys.bench;

import dev.tvrecsys.data.AssetTypeVocabulary;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.IdVocabulary;
import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.data.ViewerHistories;
import dev.tvrecsys.data.Windowing;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes the log of {@link PreprocessingBenchmark} as CSV for the pandas peer, and prints the
 * number of reference windows that the Java preprocessing builds from it, so that the peer's sample
 * count can be checked against it.
 *
 * <p>Run: {@code java -cp recsys-bench/target/benchmarks.jar dev.tvrecsys.bench.ExportEventsCsv
 * 1000000 bench-results/data/events-1000000.csv}.
 */
public final class ExportEventsCsv {

    private ExportEventsCsv() {}

    /**
     * Exports the first {@code args[0]} generated events to the CSV file {@code args[1]}.
     *
     * @param args event count and target file
     * @throws IOException if writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExportEventsCsv EVENTS TARGET_CSV");
            System.exit(2);
        }
        int events = Integer.parseInt(args[0]);
        Path target = Paths.get(args[1]);
        EventLog log = BenchData.eventLog(events);
        writeCsv(log, target);

        IdVocabulary shows = IdVocabulary.fit(log.showIds());
        AssetTypeVocabulary assets = AssetTypeVocabulary.fit(log.assetTypeNames());
        SampleSet samples = Windowing.reference().samples(ViewerHistories.of(log), shows, assets);
        System.out.println("{\"events\": " + log.size() + ", \"samples\": " + samples.size() + "}");
    }

    private static void writeCsv(EventLog log, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            writer.write("user_id,session_id,show_id,asset_type,day,minute_of_day,watch_minutes\n");
            StringBuilder line = new StringBuilder(64);
            for (int row = 0; row < log.size(); row++) {
                line.setLength(0);
                line.append(log.userId(row)).append(',');
                line.append(log.sessionId(row)).append(',');
                line.append(log.showId(row)).append(',');
                line.append(log.assetType(row)).append(',');
                line.append(log.day(row)).append(',');
                line.append(log.minuteOfDay(row)).append(',');
                line.append(log.watchMinutes(row)).append('\n');
                writer.write(line.toString());
            }
        }
    }
}
