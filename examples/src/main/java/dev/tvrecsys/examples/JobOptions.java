package dev.tvrecsys.examples;

import dev.tvrecsys.data.io.Format;
import dev.tvrecsys.model.ModelConfig;
import dev.tvrecsys.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of the main job, parsed from {@code --name value} pairs.
 *
 * <p>Every option has a default, so the job runs with no arguments: it then generates the synthetic
 * playback log once under {@code data/synthetic/} and reuses it afterwards.
 */
public final class JobOptions {

    /** Default location of the generated playback log, relative to the working directory. */
    public static final Path DEFAULT_INPUT = Path.of("data", "synthetic", "playback.parquet");

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: train [options]",
                    "  --input PATH          log to train on (default: generate "
                            + DEFAULT_INPUT
                            + ")",
                    "  --format NAME         auto, playback, movielens, ratings or delimited"
                            + " (default auto: by file name)",
                    "  --output DIR          output directory (default runs/<input>-<time>)",
                    "  --epochs N            training epochs (default 5)",
                    "  --batch-size N        samples per step (default 512)",
                    "  --learning-rate X     Adam learning rate (default 0.001)",
                    "  --learning-rate-decay X",
                    "                        factor in (0, 1] applied to the learning rate after"
                            + " each epoch (default 1: constant)",
                    "  --loss-steps N        newest steps of each window with a loss, 1 to 20"
                            + " (default 1: the last step only)",
                    "  --patience N          stop after N epochs without a better validation"
                            + " recall@10 and keep the best epoch's weights (default 0: train"
                            + " every epoch, keep the last)",
                    "  --seed N              seed of split, weights and batch order (default 42)",
                    "  --device NAME         auto, cpu, gpu or gpu:N (default auto)",
                    "  --minutes-scaling S   log1p or raw (default log1p)",
                    "  --hidden-size N       LSTM hidden size (default 128)",
                    "  --layers N            LSTM layers (default 1)",
                    "  --dropout X           dropout rate before the output layer (default 0.2)",
                    "  --input-dropout X     dropout rate on the LSTM inputs (default 0)",
                    "  --embedding-size N    show embedding width (default 32)",
                    "  --repeat-bias [B]     learn scores for shows already in the window",
                    "  --tied-output [B]     score shows with the show embedding (weight tying)",
                    "  --tuned               start from the results job's tuned settings:"
                            + " LSTM 256, show embedding 128, repeat bias, tied output, loss on"
                            + " all 20 steps, batch 256, Adam 0.004 x 0.9 per epoch, at most 30"
                            + " epochs, patience 4; other options override them",
                    "  --skip-bad-rows       drop invalid rows, logging counts, instead of failing",
                    "  --resume              continue the run in --output from its last checkpoint",
                    "  --viewers N           viewers of the generated default log (default 20000)",
                    "  --help                print this text",
                    "B is true or false; a flag without a value means true.");

    Path input;
    String format = "auto";
    Path output;
    int epochs = 5;
    int batchSize = 512;
    float learningRate = 1e-3f;
    float learningRateDecay = 1f;
    int lossSteps = 1;
    int patience;
    long seed = 42;
    String device = "auto";
    String minutesScaling = "log1p";
    int hiddenSize = 128;
    int layers = 1;
    float dropout = 0.2f;
    float inputDropout = 0f;
    int embeddingSize = 32;
    boolean repeatBias;
    boolean tiedOutput;
    boolean skipBadRows;
    boolean resume;
    Integer viewers;
    boolean help;

    /**
     * Parses command-line arguments.
     *
     * @throws IllegalArgumentException naming the option and value when one is invalid
     */
    public static JobOptions parse(String... args) {
        JobOptions options = new JobOptions();
        List<String> rest = new ArrayList<>(List.of(args));
        // The preset applies first wherever it appears, so every other option overrides it.
        if (rest.remove("--tuned")) {
            options.applyTunedSettings();
        }
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            switch (name) {
                case "--help", "-h" -> options.help = true;
                case "--skip-bad-rows" -> options.skipBadRows = true;
                case "--resume" -> options.resume = true;
                case "--repeat-bias" -> options.repeatBias = flagValue(name, rest);
                case "--tied-output" -> options.tiedOutput = flagValue(name, rest);
                case "--input" -> options.input = Path.of(value(name, rest));
                case "--format" -> options.format = value(name, rest).toLowerCase(Locale.ROOT);
                case "--output" -> options.output = Path.of(value(name, rest));
                case "--epochs" -> options.epochs = intValue(name, rest);
                case "--batch-size" -> options.batchSize = intValue(name, rest);
                case "--learning-rate" -> options.learningRate = floatValue(name, rest);
                case "--learning-rate-decay" -> options.learningRateDecay = floatValue(name, rest);
                case "--loss-steps" -> options.lossSteps = intValue(name, rest);
                case "--patience" -> options.patience = intValue(name, rest);
                case "--seed" -> options.seed = longValue(name, rest);
                case "--device" -> options.device = value(name, rest);
                case "--minutes-scaling" -> options.minutesScaling = value(name, rest);
                case "--hidden-size" -> options.hiddenSize = intValue(name, rest);
                case "--layers" -> options.layers = intValue(name, rest);
                case "--dropout" -> options.dropout = floatValue(name, rest);
                case "--input-dropout" -> options.inputDropout = floatValue(name, rest);
                case "--embedding-size" -> options.embeddingSize = intValue(name, rest);
                case "--viewers" -> options.viewers = intValue(name, rest);
                default ->
                        throw new IllegalArgumentException(
                                "unknown option '" + name + "'; run with --help for the list");
            }
        }
        if (options.resume && options.output == null) {
            throw new IllegalArgumentException(
                    "--resume needs --output: the directory of the run to continue");
        }
        return options;
    }

    /**
     * Sets the model and training fields to the tuned row of the results job, with a loss on every
     * step because the main job's windows do not overlap.
     */
    private void applyTunedSettings() {
        ModelConfig model = ResultsMain.TUNED_MODEL;
        TrainingConfig training = ResultsMain.TUNED_TRAINING;
        hiddenSize = model.hiddenSize();
        embeddingSize = model.showEmbeddingSize();
        repeatBias = model.repeatBias();
        tiedOutput = model.tiedOutput();
        dropout = model.dropout();
        lossSteps = model.windowLength();
        epochs = training.epochs();
        patience = training.patience();
        batchSize = training.batchSize();
        learningRate = training.learningRate();
        learningRateDecay = training.learningRateDecay();
    }

    /** Returns the input path, or the default generated log when none was given. */
    Path inputOrDefault() {
        return input != null ? input : DEFAULT_INPUT;
    }

    /** Returns the output directory, by default named after the input and the current time. */
    Path outputOrDefault() {
        if (output != null) {
            return output;
        }
        String stem = inputOrDefault().getFileName().toString().replaceAll("\\.[^.]*$", "");
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", stem + "-" + time);
    }

    /**
     * Returns the input format for a {@code --format} value.
     *
     * @param name auto, playback, movielens, ratings or delimited, or one of their aliases
     * @param input the input file, read only when {@code name} is auto
     * @throws IOException if detecting the format of {@code input} fails
     * @throws IllegalArgumentException if the name is not one of the above
     */
    static Format parseFormat(String name, Path input) throws IOException {
        return switch (name) {
            case "auto" -> Format.detect(input);
            case "playback", "parquet" -> Format.PLAYBACK_PARQUET;
            case "movielens", "u.data" -> Format.MOVIELENS_100K;
            case "ratings", "ratings.dat" -> Format.MOVIELENS_RATINGS;
            case "delimited", "csv", "tsv" -> Format.DELIMITED;
            default ->
                    throw new IllegalArgumentException(
                            "format must be one of auto, playback, movielens, ratings, delimited,"
                                    + " found '"
                                    + name
                                    + "'");
        };
    }

    static String value(String name, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException("option " + name + " needs a value");
        }
        return rest.remove(0);
    }

    /** Command-line options of the settings fields that the configuration records validate. */
    private static final java.util.Map<String, String> OPTION_OF_FIELD =
            java.util.Map.ofEntries(
                    java.util.Map.entry("epochs", "--epochs"),
                    java.util.Map.entry("batchSize", "--batch-size"),
                    java.util.Map.entry("learningRate", "--learning-rate"),
                    java.util.Map.entry("learningRateDecay", "--learning-rate-decay"),
                    java.util.Map.entry("lossSteps", "--loss-steps"),
                    java.util.Map.entry("patience", "--patience"),
                    java.util.Map.entry("showEmbeddingSize", "--embedding-size"),
                    java.util.Map.entry("hiddenSize", "--hidden-size"),
                    java.util.Map.entry("layers", "--layers"),
                    java.util.Map.entry("dropout", "--dropout"),
                    java.util.Map.entry("inputDropout", "--input-dropout"));

    /**
     * Returns the message of a configuration check with the field name at its start replaced by the
     * option that sets it, for example {@code --input-dropout must be in [0, 1), found 1.5} for
     * {@code inputDropout must be ...}. Other messages are returned unchanged.
     */
    public static String inOptionTerms(String message) {
        int space = message.indexOf(' ');
        if (space <= 0) {
            return message;
        }
        String option = OPTION_OF_FIELD.get(message.substring(0, space));
        return option == null ? message : option + message.substring(space);
    }

    /** Returns true for a bare flag, or the explicit {@code true} or {@code false} after it. */
    static boolean flagValue(String name, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            return true;
        }
        return parseFlag(name, rest.remove(0));
    }

    /**
     * Parses the {@code true} or {@code false} value of flag {@code name}.
     *
     * @throws IllegalArgumentException naming the flag and the text for any other text
     */
    static boolean parseFlag(String name, String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "option " + name + " needs true or false, found '" + text + "'");
        };
    }

    static int intValue(String name, List<String> rest) {
        return parseInt(name, value(name, rest));
    }

    /**
     * Parses the integer value of option {@code name}.
     *
     * @throws IllegalArgumentException naming the option and the text when it is not an integer
     */
    public static int parseInt(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option " + name + " needs an integer, found '" + text + "'", e);
        }
    }

    private static long longValue(String name, List<String> rest) {
        String text = value(name, rest);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option " + name + " needs an integer, found '" + text + "'", e);
        }
    }

    private static float floatValue(String name, List<String> rest) {
        return parseFloat(name, value(name, rest));
    }

    /**
     * Parses the number value of option {@code name}.
     *
     * @throws IllegalArgumentException naming the option and the text when it is not a number
     */
    static float parseFloat(String name, String text) {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "option " + name + " needs a number, found '" + text + "'", e);
        }
    }
}
