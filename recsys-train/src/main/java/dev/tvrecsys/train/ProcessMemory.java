package dev.tvrecsys.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's memory use, for logs that show whether memory stays flat. */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** Returns the used Java heap in MiB. */
    static long heapUsedMiB() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    /**
     * Returns the resident set size in MiB, which includes the engine's native memory, or -1 where
     * {@code /proc/self/status} cannot be read (outside Linux).
     */
    static long residentMiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return Long.parseLong(kib) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
