package dev.tvrecsys.data.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point of the child JVMs that the forked read tests start. It prints its results as {@code
 * key=value} lines to standard output.
 *
 * <ul>
 *   <li>{@code stream FILE} streams the file with {@link PlaybackParquetReader#forEach} and prints
 *       the event count and the sums of watch minutes, show ids and times.
 *   <li>{@code collect FILE} reads the file with {@link PlaybackParquetReader#read(Path)} and
 *       prints the event count, or the message of an {@link OutOfMemoryError}.
 *   <li>{@code read FILE...} reads each file with {@link PlaybackParquetReader#read(Path)} and
 *       prints {@code read.N} and {@code message.N} for the N-th file: the event count, or the
 *       exception with its problem, value and cause.
 * </ul>
 */
final class ForkedReadMain {

    private ForkedReadMain() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "stream" -> stream(Path.of(args[1]));
            case "collect" -> collect(Path.of(args[1]));
            case "read" -> readEach(args);
            default ->
                    throw new IllegalArgumentException(
                            "invalid mode " + args[0] + ", expected stream, collect or read");
        }
    }

    private static void stream(Path file) throws IOException {
        long[] sums = new long[4];
        ReadReport report =
                PlaybackParquetReader.forEach(
                        file,
                        ReadOptions.defaults(),
                        (user, session, show, asset, episode, time, day, minute, minutes) -> {
                            sums[0]++;
                            sums[1] += minutes;
                            sums[2] += show;
                            sums[3] += time;
                        });
        System.out.println("events=" + sums[0]);
        System.out.println("watchMinutes=" + sums[1]);
        System.out.println("showIds=" + sums[2]);
        System.out.println("times=" + sums[3]);
        System.out.println("rowsRead=" + report.rowsRead());
    }

    private static void collect(Path file) throws IOException {
        try {
            System.out.println("events=" + PlaybackParquetReader.read(file).log().size());
        } catch (OutOfMemoryError e) {
            // The partly built log is unreachable once read() has thrown, so the heap has room
            // for printing.
            System.out.println("outOfMemory=" + e.getMessage());
        }
    }

    private static void readEach(String[] args) throws IOException {
        for (int i = 1; i < args.length; i++) {
            String outcome;
            String message;
            try {
                outcome = "events " + PlaybackParquetReader.read(Path.of(args[i])).log().size();
                message = "";
            } catch (DataFormatException e) {
                outcome =
                        "problem "
                                + e.problem()
                                + " value "
                                + e.value()
                                + " cause "
                                + (e.getCause() == null ? null : e.getCause().getClass().getName());
                message = e.getMessage();
            } catch (Error e) {
                outcome = "error " + e.getClass().getName();
                message = String.valueOf(e.getMessage());
            }
            System.out.println("read." + i + "=" + outcome);
            System.out.println("message." + i + "=" + message.replace('\n', ' '));
        }
    }
}
