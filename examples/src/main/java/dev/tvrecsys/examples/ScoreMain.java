package dev.tvrecsys.examples;

import ai.djl.Device;
import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.io.Format;
import dev.tvrecsys.data.io.LogReaders;
import dev.tvrecsys.data.io.ReadOptions;
import dev.tvrecsys.data.io.ReadResult;
import dev.tvrecsys.model.Engines;
import dev.tvrecsys.model.serving.BatchScoreSummary;
import dev.tvrecsys.model.serving.BatchScorer;
import dev.tvrecsys.model.serving.RecommendOptions;
import dev.tvrecsys.model.serving.ShowRecommender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line batch scoring: loads a saved model or baseline directory, scores every viewer of a
 * log and writes each viewer's top k to {@code PREFIX.csv} and {@code PREFIX.parquet} with {@link
 * BatchScorer}. Run with {@code --help} for the options, or through {@code score.sh} at the
 * repository root.
 *
 * <p>Sets DJL's offline and tracking opt-out properties and the log format before any library class
 * loads.
 */
public final class ScoreMain {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: score --model DIR --input LOG --output PREFIX [options]",
                    "  --model DIR           saved model or baseline directory (required)",
                    "  --input PATH          log whose viewers are scored (required)",
                    "  --format NAME         auto, playback, movielens, ratings or delimited"
                            + " (default auto: by file name)",
                    "  --output PREFIX       writes PREFIX.csv and PREFIX.parquet (required)",
                    "  --k N                 recommendations per viewer (default 10)",
                    "  --exclude-watched     drop shows of each viewer's scored window",
                    "  --batch-size N        viewers per forward pass (default 512)",
                    "  --device NAME         auto, cpu, gpu or gpu:N (default auto)",
                    "  --skip-bad-rows       drop invalid input rows, logging counts, instead of"
                            + " failing",
                    "  --help                print this text");

    private ScoreMain() {}

    /** Parsed command-line options. */
    static final class Options {
        Path model;
        Path input;
        String format = "auto";
        Path output;
        int k = BatchScorer.DEFAULT_K;
        boolean excludeWatched;
        int batchSize = BatchScorer.DEFAULT_BATCH_SIZE;
        String device = "auto";
        boolean skipBadRows;
        boolean help;

        /**
         * Parses command-line arguments.
         *
         * @throws IllegalArgumentException naming the option and value when one is invalid or a
         *     required option is missing
         */
        static Options parse(String... args) {
            Options options = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String name = rest.remove(0);
                switch (name) {
                    case "--help", "-h" -> options.help = true;
                    case "--exclude-watched" -> options.excludeWatched = true;
                    case "--skip-bad-rows" -> options.skipBadRows = true;
                    case "--model" -> options.model = Path.of(JobOptions.value(name, rest));
                    case "--input" -> options.input = Path.of(JobOptions.value(name, rest));
                    case "--format" ->
                            options.format = JobOptions.value(name, rest).toLowerCase(Locale.ROOT);
                    case "--output" -> options.output = Path.of(JobOptions.value(name, rest));
                    case "--k" -> options.k = JobOptions.intValue(name, rest);
                    case "--batch-size" -> options.batchSize = JobOptions.intValue(name, rest);
                    case "--device" -> options.device = JobOptions.value(name, rest);
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown option '" + name + "'; run with --help for the list");
                }
            }
            if (!options.help) {
                requirePresent(options.model, "--model");
                requirePresent(options.input, "--input");
                requirePresent(options.output, "--output");
            }
            return options;
        }

        private static void requirePresent(Path value, String name) {
            if (value == null) {
                throw new IllegalArgumentException(
                        "option " + name + " is missing; run with --help for the list");
            }
        }

        /** Returns the CSV output file, {@code PREFIX.csv}. */
        Path csvFile() {
            return withSuffix(".csv");
        }

        /** Returns the Parquet output file, {@code PREFIX.parquet}. */
        Path parquetFile() {
            return withSuffix(".parquet");
        }

        private Path withSuffix(String suffix) {
            return output.resolveSibling(output.getFileName() + suffix);
        }
    }

    public static void main(String[] args) throws IOException {
        JvmSetup.configure();

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(USAGE);
            return;
        }
        try {
            run(options, System.console() != null ? System.out : null);
        } catch (IllegalArgumentException
                | dev.tvrecsys.data.io.DataFormatException
                | dev.tvrecsys.model.ModelFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Reads the input, loads the model and scores every viewer.
     *
     * @param options parsed options
     * @param progressBar stream for a progress bar, or null for log lines only
     * @return the number of viewers and rows and the elapsed scoring time
     * @throws IOException if reading the input or writing the outputs fails
     * @throws IllegalArgumentException if the input is missing or an option value is invalid
     */
    static BatchScoreSummary run(Options options, PrintStream progressBar) throws IOException {
        if (!options.input.toFile().isFile()) {
            throw new IllegalArgumentException(
                    "input " + options.input + " not found; pass an existing log with --input");
        }
        Engines.start();
        Device device = Engines.parseDevice(options.device);
        Format format = JobOptions.parseFormat(options.format, options.input);
        ReadOptions readOptions = ReadOptions.defaults().withSkipBadRows(options.skipBadRows);
        ReadResult read = LogReaders.read(options.input, format, readOptions);
        EventLog log = read.log();
        // Looked up here, not in a static field, so that main sets the log format first.
        Logger logger = LoggerFactory.getLogger(ScoreMain.class);
        logger.info(
                "Read {} events from {} ({}), {} rows skipped",
                log.size(),
                options.input,
                format,
                read.report().skippedTotal());

        RecommendOptions filters =
                RecommendOptions.builder().excludeWatched(options.excludeWatched).build();
        try (ShowRecommender recommender = ShowRecommender.load(options.model, device)) {
            BatchScorer scorer =
                    BatchScorer.builder(recommender)
                            .k(options.k)
                            .options(filters)
                            .batchSize(options.batchSize)
                            .progressBar(progressBar)
                            .build();
            return scorer.score(log, options.csvFile(), options.parquetFile());
        }
    }
}
