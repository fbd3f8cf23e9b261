package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Reads seeded random mutations of small valid files through {@link LogReaders#read(Path, Format,
 * ReadOptions)}, and Parquet files also through {@link PlaybackParquetReader#read(Path,
 * ReadOptions)}. The mutations are flipped bytes, truncation, inserted random bytes and duplicated
 * ranges.
 *
 * <p>Each case must return events or raise {@link DataFormatException} whose message starts with
 * the file name, within {@link #TIMEOUT}. Any other exception or error, an {@link OutOfMemoryError}
 * included, and any timeout is a failure. Failures are collected so that one run lists every bad
 * case with its seed and mutation.
 */
class ReaderFuzzTest {

    private static final int CASES = 200;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String EVENTS = "events";
    private static final String REJECTED = "rejected";

    @TempDir Path dir;

    /** Writes 40 valid playback rows in 4 days. */
    private Path validParquet() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(
                    ParquetTestFiles.row(
                            1 + i % 7,
                            i,
                            100 + i % 5,
                            i % 3 == 0 ? "LIVE" : "VOD",
                            i,
                            String.valueOf(1 + i / 10),
                            String.format("%02d:%02d", i % 24, i % 60),
                            5 + i));
        }
        return ParquetTestFiles.writePlayback(dir.resolve("valid.parquet"), rows);
    }

    @Test
    void parquet_mutationsReadOrReject() throws IOException {
        Path valid = validParquet();

        assertNoFailures(
                fuzz(
                        Files.readAllBytes(valid),
                        "fuzz.parquet",
                        logReaders(Format.PLAYBACK_PARQUET),
                        11));
    }

    @Test
    void parquetReader_mutationsReadOrReject() throws IOException {
        Path valid = validParquet();

        assertNoFailures(
                fuzz(Files.readAllBytes(valid), "direct.parquet", PlaybackParquetReader::read, 14));
    }

    @Test
    void movieLens_mutationsReadOrReject() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append(1 + i % 7).append('\t').append(100 + i % 9).append("\t3\t");
            text.append(881250949L + i * 61L).append('\n');
        }
        byte[] valid = text.toString().getBytes(StandardCharsets.UTF_8);

        assertNoFailures(fuzz(valid, "u.data", logReaders(Format.MOVIELENS_100K), 12));
    }

    @Test
    void delimited_mutationsReadOrReject() throws IOException {
        StringBuilder text = new StringBuilder("\"user_id\",\"item_id\",\"timestamp\",note\n");
        for (int i = 0; i < 40; i++) {
            text.append('"').append(1 + i % 7).append("\",").append(100 + i % 9).append(',');
            text.append(1_000 + i).append(",\"a, \"\"b\"\"\"\n");
        }
        byte[] valid = text.toString().getBytes(StandardCharsets.UTF_8);

        assertNoFailures(fuzz(valid, "log.csv", logReaders(Format.DELIMITED), 13));
    }

    /** Checks that no case failed, and that the mutations gave both outcomes. */
    private static void assertNoFailures(Outcomes outcomes) {
        List<String> failures = outcomes.failures();
        assertEquals(List.of(), failures, failures.size() + " of " + CASES + " cases failed");
        assertTrue(outcomes.events() > 0, "no mutated file was readable: " + outcomes);
        assertTrue(outcomes.rejected() > 0, "no mutated file was rejected: " + outcomes);
    }

    /** A read of one file; LogReaders and the format readers have this shape. */
    private interface LogRead {
        ReadResult read(Path file, ReadOptions options) throws IOException;
    }

    /** Returns a read through LogReaders, which also rejects a file without events. */
    private static LogRead logReaders(Format format) {
        return (file, options) -> {
            ReadResult result = LogReaders.read(file, format, options);
            if (result.log().size() == 0) {
                throw new AssertionError("LogReaders returned no events without an exception");
            }
            return result;
        };
    }

    /** Counts of the cases that returned events, that were rejected, and every failed case. */
    private record Outcomes(int events, int rejected, List<String> failures) {}

    /** Reads {@link #CASES} mutations of {@code valid} and counts the outcomes. */
    private Outcomes fuzz(byte[] valid, String name, LogRead reader, long seed) throws IOException {
        Random random = new Random(seed);
        Path file = dir.resolve(name);
        List<String> failures = new ArrayList<>();
        int events = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            StringBuilder mutation = new StringBuilder();
            byte[] mutated = mutate(valid, random, mutation);
            Files.write(file, mutated);
            ReadOptions options = ReadOptions.defaults().withSkipBadRows(i % 2 == 1);
            String label = name + " seed " + seed + " case " + i + " (" + mutation + ")";
            try {
                String outcome =
                        assertTimeoutPreemptively(TIMEOUT, () -> readOnce(file, reader, options));
                if (outcome.equals(EVENTS)) {
                    events++;
                } else if (outcome.equals(REJECTED)) {
                    rejected++;
                } else {
                    failures.add(label + ": " + outcome);
                }
            } catch (AssertionFailedError e) {
                failures.add(label + ": " + e.getMessage());
            }
        }
        return new Outcomes(events, rejected, failures);
    }

    /** Returns {@link #EVENTS}, {@link #REJECTED}, or else a description of the failure. */
    private static String readOnce(Path file, LogRead reader, ReadOptions options) {
        try {
            reader.read(file, options);
            return EVENTS;
        } catch (DataFormatException e) {
            String fileName = file.getFileName().toString();
            return e.getMessage().startsWith(fileName)
                    ? REJECTED
                    : "message does not start with the file name: " + e.getMessage();
        } catch (OutOfMemoryError e) {
            return "out of memory: " + e.getMessage();
        } catch (Throwable e) {
            return e.toString();
        }
    }

    /** Applies one to three random mutations and describes them in {@code description}. */
    private static byte[] mutate(byte[] valid, Random random, StringBuilder description) {
        byte[] bytes = valid;
        int steps = 1 + random.nextInt(3);
        for (int step = 0; step < steps && bytes.length > 0; step++) {
            int kind = random.nextInt(4);
            int position = random.nextInt(bytes.length);
            if (step > 0) {
                description.append(", ");
            }
            switch (kind) {
                case 0:
                    bytes = bytes.clone();
                    int flip = 1 + random.nextInt(255);
                    bytes[position] ^= (byte) flip;
                    description.append("xor ").append(flip).append(" at ").append(position);
                    break;
                case 1:
                    bytes = Arrays.copyOf(bytes, position);
                    description.append("truncate to ").append(position);
                    break;
                case 2:
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    bytes = insert(bytes, position, inserted, 0, inserted.length);
                    description.append("insert ").append(inserted.length);
                    description.append(" random bytes at ").append(position);
                    break;
                default:
                    int length = 1 + random.nextInt(Math.min(64, bytes.length - position));
                    int target = random.nextInt(bytes.length + 1);
                    bytes = insert(bytes, target, bytes, position, length);
                    description.append("copy [").append(position).append(", ");
                    description.append(position + length).append(") to ").append(target);
                    break;
            }
        }
        return bytes;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] source, int from, int length) {
        byte[] result = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(source, from, result, at, length);
        System.arraycopy(bytes, at, result, at + length, bytes.length - at);
        return result;
    }
}
