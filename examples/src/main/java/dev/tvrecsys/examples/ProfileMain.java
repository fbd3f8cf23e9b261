package dev.tvrecsys.examples;

import dev.tvrecsys.data.EventLog;
import dev.tvrecsys.data.io.DataFormatException;
import dev.tvrecsys.data.io.LogReaders;
import dev.tvrecsys.data.io.ReadOptions;
import dev.tvrecsys.profile.DataProfile;
import dev.tvrecsys.profile.DataProfiler;
import dev.tvrecsys.profile.ProfileReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles a log and writes the report (run through {@code ./profile.sh} at the repository root).
 *
 * <p>Options: {@code --input PATH} (default: the generated default log, created if missing), {@code
 * --format NAME} as for the main job, {@code --output DIR} (default {@code runs/profile-<input>}),
 * {@code --skip-bad-rows}.
 */
public final class ProfileMain {

    static final String USAGE =
            String.join(
                    "\n",
                    "Usage: profile [options]",
                    "  --input PATH      log to profile (default: generate "
                            + JobOptions.DEFAULT_INPUT
                            + ")",
                    "  --format NAME     auto, playback, movielens, ratings or delimited"
                            + " (default auto: by file name)",
                    "  --output DIR      report folder (default runs/profile-<input>)",
                    "  --skip-bad-rows   drop invalid rows, logging counts, instead of failing",
                    "  --help            print this text");

    private static final Logger LOG = LoggerFactory.getLogger(ProfileMain.class);

    private ProfileMain() {}

    public static void main(String[] args) throws IOException {
        JvmSetup.configure();

        JobOptions options;
        try {
            options = parse(args);
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
            run(options);
        } catch (IllegalArgumentException | DataFormatException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Parses the options this program accepts, a subset of the main job's.
     *
     * @throws IllegalArgumentException naming an option the profiler does not take
     */
    static JobOptions parse(String... args) {
        for (String arg : args) {
            if (arg.startsWith("--")
                    && !List.of("--input", "--format", "--output", "--skip-bad-rows", "--help")
                            .contains(arg)) {
                throw new IllegalArgumentException(
                        "unknown option '" + arg + "'; run with --help for the list");
            }
        }
        return JobOptions.parse(args);
    }

    /**
     * Reads the input, profiles it and writes the report.
     *
     * @param options the input, format and output options
     * @return the profile
     * @throws IOException if reading or writing fails
     */
    static DataProfile run(JobOptions options) throws IOException {
        Path input = RecommenderJob.ensureInput(options);
        ReadOptions readOptions = ReadOptions.defaults().withSkipBadRows(options.skipBadRows);
        EventLog log =
                LogReaders.read(input, RecommenderJob.format(options, input), readOptions).log();
        long logHeap = usedHeapAfterGc();

        long start = System.nanoTime();
        DataProfile profile = DataProfiler.profile(log);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        Path output = options.output != null ? options.output : defaultOutput(input);
        ProfileReport.write(profile, output);

        profile.summary().forEach(line -> LOG.info("{}", line));
        LOG.info(
                "Profiled {} events in {} s; heap after reading {} MB, peak {} MB",
                log.size(),
                seconds,
                logHeap >> 20,
                peakHeap() >> 20);
        System.out.println("Wrote " + output.resolve(ProfileReport.MARKDOWN).toAbsolutePath());
        return profile;
    }

    private static Path defaultOutput(Path input) {
        String stem = input.getFileName().toString().replaceAll("\\.[^.]*$", "");
        return Path.of("runs", "profile-" + stem);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Returns the sum of the heap pools' peak usage since the last reset, an upper estimate. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
