package dev.tvrecsys.examples;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;

/**
 * Command-line entry of the main job; run with {@code --help} for the options.
 *
 * <p>Sets DJL's offline and tracking opt-out properties and the log format before any library class
 * loads, and copies everything printed into {@code train.log} in the output directory.
 */
public final class TrainMain {

    private TrainMain() {}

    public static void main(String[] args) throws IOException {
        JvmSetup.configure();

        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(JobOptions.USAGE);
            return;
        }
        options.output = options.outputOrDefault();
        if (Files.exists(options.output) && !Files.isDirectory(options.output)) {
            System.err.println(
                    "error: --output "
                            + options.output
                            + " exists and is not a directory; choose a directory");
            System.exit(1);
            return;
        }
        Files.createDirectories(options.output);
        // The log is appended to, so that a resumed run, or a run rejected because of its
        // options, keeps what earlier runs in this directory wrote.
        OutputStream logFile =
                new FileOutputStream(options.output.resolve("train.log").toFile(), true);
        System.setOut(tee(System.out, logFile));
        System.setErr(tee(System.err, logFile));
        try {
            new RecommenderJob(options).run();
        } catch (IllegalArgumentException
                | dev.tvrecsys.data.io.DataFormatException
                | dev.tvrecsys.model.ModelFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Returns a stream that writes to both {@code console} and {@code file}. */
    static PrintStream tee(PrintStream console, OutputStream file) {
        OutputStream both =
                new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        console.write(b);
                        file.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        console.write(bytes, offset, length);
                        file.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        console.flush();
                        file.flush();
                    }
                };
        return new PrintStream(both, true);
    }
}
