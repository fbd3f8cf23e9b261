package dev.tvrecsys.data.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a main class of the test classpath in a child JVM and collects what it prints. */
final class ForkedJvm {

    /** Upper bound on one child's run, so that a hung child fails the test instead of the build. */
    private static final long CHILD_LIMIT_MINUTES = 5;

    private ForkedJvm() {}

    /**
     * Output of one child JVM.
     *
     * @param exitCode the exit code
     * @param stdout the lines printed to standard output
     * @param stderr everything printed to standard error
     * @param millis the wall time of the child in milliseconds
     */
    record Result(int exitCode, List<String> stdout, String stderr, long millis) {

        /** Returns the value of the first standard output line {@code key=value}, or null. */
        String value(String key) {
            String prefix = key + "=";
            for (String line : stdout) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
            return null;
        }

        /** Returns the exit code and both outputs, for assertion messages. */
        String describe() {
            return "exit code " + exitCode + ", stdout " + stdout + ", stderr:\n" + stderr;
        }
    }

    /**
     * Runs {@code mainClass} with the classpath of this JVM and waits for it to exit.
     *
     * @param workDir the folder for the output files
     * @param jvmOptions options placed before the classpath, for example {@code -Xmx24m}
     * @param mainClass the class whose {@code main} runs
     * @param args the program arguments
     * @return the exit code and the output
     */
    static Result run(Path workDir, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // parquet-mr logs two INFO lines per row group through the test's slf4j-simple binding.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(workDir, "child", ".out");
        Path stderr = Files.createTempFile(workDir, "child", ".err");

        long start = System.nanoTime();
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        if (!process.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    "child JVM did not exit within "
                            + CHILD_LIMIT_MINUTES
                            + " minutes: "
                            + command);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        return new Result(
                process.exitValue(),
                Files.readAllLines(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8),
                millis);
    }
}
