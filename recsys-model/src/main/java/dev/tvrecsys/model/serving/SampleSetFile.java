package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.SampleSet;
import dev.tvrecsys.model.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Binary file of a {@link SampleSet}, which baselines that are fitted again on load store next to
 * {@value BaselineStore#FILE}.
 *
 * <p>Layout, big-endian as written by {@link DataOutputStream}: the magic number {@value #MAGIC},
 * the format version, the window length, the sample count n, then the flat arrays shows, assets (n
 * * windowLength ints each), minutes (n * windowLength floats), targets, target show ids, viewer
 * ids (n ints each) and target times (n longs).
 */
final class SampleSetFile {

    /** File name inside a baseline directory. */
    static final String FILE = "train-samples.bin";

    /** First four bytes of the file, "TVSS" in ASCII. */
    static final int MAGIC = 0x54565353;

    private static final int VERSION = 1;

    private static final int HEADER_BYTES = 16;

    private SampleSetFile() {}

    /**
     * Writes {@code samples} to {@code file}.
     *
     * @return the SHA-256 of the written bytes, in lower-case hex
     */
    static String write(SampleSet samples, Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (DataOutputStream out =
                new DataOutputStream(
                        new BufferedOutputStream(
                                new DigestOutputStream(Files.newOutputStream(file), digest),
                                1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(samples.windowLength());
            out.writeInt(samples.size());
            writeInts(out, samples.shows());
            writeInts(out, samples.assets());
            for (float minutes : samples.minutes()) {
                out.writeFloat(minutes);
            }
            writeInts(out, samples.targets());
            for (int i = 0; i < samples.size(); i++) {
                out.writeInt(samples.targetShowId(i));
            }
            for (int i = 0; i < samples.size(); i++) {
                out.writeInt(samples.viewerId(i));
            }
            for (int i = 0; i < samples.size(); i++) {
                out.writeLong(samples.targetTime(i));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        for (int value : values) {
            out.writeInt(value);
        }
    }

    /**
     * Reads a file written by {@link #write} after checking its SHA-256.
     *
     * @param file the samples file
     * @param expectedSha256 the checksum recorded when the file was written
     * @return the samples
     * @throws ModelFormatException if the file is missing, its checksum differs, or its header or
     *     length is invalid
     */
    static SampleSet read(Path file, String expectedSha256) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("training samples file " + file + " not found");
        }
        try {
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new ModelFormatException(
                        file
                                + " has SHA-256 "
                                + actual
                                + " but "
                                + BaselineStore.FILE
                                + " records "
                                + expectedSha256
                                + ". The file is corrupt or was replaced, so save the"
                                + " baseline again");
            }
            long length = Files.size(file);
            try (DataInputStream in =
                    new DataInputStream(
                            new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                return readBody(in, file, length);
            }
        } catch (IOException e) {
            throw new ModelFormatException("failed to read " + file + ": " + e, e);
        }
    }

    private static SampleSet readBody(DataInputStream in, Path file, long length)
            throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ModelFormatException(
                    file
                            + " is not a training samples file: magic number "
                            + Integer.toHexString(magic)
                            + ", expected "
                            + Integer.toHexString(MAGIC));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new ModelFormatException(
                    file + " has format version " + version + ", expected " + VERSION);
        }
        int windowLength = in.readInt();
        int size = in.readInt();
        // Check the length before allocating, so a bad header cannot request huge arrays.
        long expected = HEADER_BYTES + 12L * size * windowLength + 20L * size;
        if (windowLength <= 0
                || size < 0
                || (long) size * windowLength > Integer.MAX_VALUE
                || expected != length) {
            throw new ModelFormatException(
                    file
                            + " has window length "
                            + windowLength
                            + " and "
                            + size
                            + " samples, which need "
                            + expected
                            + " bytes, but the file has "
                            + length);
        }
        int cells = size * windowLength;
        int[] shows = readInts(in, cells);
        int[] assets = readInts(in, cells);
        float[] minutes = new float[cells];
        for (int p = 0; p < cells; p++) {
            minutes[p] = in.readFloat();
        }
        int[] targets = readInts(in, size);
        int[] targetShowIds = readInts(in, size);
        int[] viewerIds = readInts(in, size);
        long[] targetTimes = new long[size];
        for (int i = 0; i < size; i++) {
            targetTimes[i] = in.readLong();
        }
        return new SampleSet(
                windowLength,
                shows,
                assets,
                minutes,
                targets,
                targetShowIds,
                viewerIds,
                targetTimes);
    }

    private static int[] readInts(DataInputStream in, int count) throws IOException {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
