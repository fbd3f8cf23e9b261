package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads SNAPPY and ZSTD files in child JVMs where the codec's native library cannot load.
 *
 * <p>Each child gets system properties that the loaders of snappy-java 1.1.10.7 and zstd-jni
 * 1.5.6-6 read, as found in their class files. Each child reads the compressed file twice, because
 * the first read fails while the codec class is initialized and later reads fail with {@link
 * NoClassDefFoundError}, and then an uncompressed file, which must still be readable.
 */
class CodecUnavailableTest {

    private static final int ROWS = 3;

    @TempDir Path dir;

    private Path uncompressed;

    @BeforeEach
    void writeUncompressedFile() throws IOException {
        uncompressed =
                ParquetTestFiles.writePlayback(
                        dir.resolve("plain.parquet"), rows(), CompressionCodecName.UNCOMPRESSED);
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(ParquetTestFiles.row(1, i, 10 + i, "VOD", 0, "1", "20:00", 30));
        }
        return rows;
    }

    /** Writes a file with PlaybackParquetWriter, which uses SNAPPY where snappy-java loads. */
    private Path snappyFile() throws IOException {
        assumeTrue(
                PlaybackParquetWriter.compressionCodec() == CompressionCodecName.SNAPPY,
                "snappy-java cannot load its native library in the test JVM");
        Path file = dir.resolve("snappy.parquet");
        try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(file)) {
            for (Object[] row : rows()) {
                writer.write(
                        (Integer) row[0],
                        (Integer) row[1],
                        (Integer) row[2],
                        (String) row[3],
                        (Integer) row[4],
                        (String) row[5],
                        (String) row[6],
                        (Integer) row[7]);
            }
        }
        assertEquals(CompressionCodecName.SNAPPY, ParquetTestFiles.codec(file));
        assertEquals(ROWS, PlaybackParquetReader.read(file).log().size(), "read in the test JVM");
        return file;
    }

    private ForkedJvm.Result readInChild(List<String> jvmOptions, Path compressed)
            throws Exception {
        return ForkedJvm.run(
                dir,
                jvmOptions,
                ForkedReadMain.class,
                "read",
                compressed.toString(),
                compressed.toString(),
                uncompressed.toString());
    }

    /**
     * Checks that both reads of the compressed file raised CODEC_UNAVAILABLE and that the
     * uncompressed file was read.
     */
    private static void assertCodecUnavailable(
            ForkedJvm.Result result, String file, String codec, String firstCause) {
        assertEquals(0, result.exitCode(), result.describe());
        assertEquals(
                "problem CODEC_UNAVAILABLE value " + codec + " cause " + firstCause,
                result.value("read.1"),
                result.describe());
        assertEquals(
                "problem CODEC_UNAVAILABLE value "
                        + codec
                        + " cause java.lang.NoClassDefFoundError",
                result.value("read.2"),
                result.describe());
        assertEquals("events " + ROWS, result.value("read.3"), result.describe());
        String message = result.value("message.1");
        assertTrue(
                message.startsWith(
                        file
                                + ": pages compressed with "
                                + codec
                                + " cannot be decompressed because the codec library failed to"
                                + " load ("
                                + firstCause
                                + ": "),
                message);
        assertTrue(message.endsWith("). " + DataProblem.CODEC_UNAVAILABLE.fix()), message);
    }

    @Test
    void snappy_systemLibraryMissing() throws Exception {
        Path file = snappyFile();
        Path noLibraries = Files.createDirectory(dir.resolve("no-libraries"));
        // With use.systemlib, snappy-java skips its bundled library and calls
        // System.loadLibrary("snappyjava"), which searches only java.library.path.
        List<String> jvmOptions =
                List.of(
                        "-Dorg.xerial.snappy.use.systemlib=true",
                        "-Djava.library.path=" + noLibraries);

        ForkedJvm.Result result = readInChild(jvmOptions, file);

        assertCodecUnavailable(
                result, "snappy.parquet", "SNAPPY", "java.lang.UnsatisfiedLinkError");
        assertEquals(
                "snappy.parquet: pages compressed with SNAPPY cannot be decompressed because the"
                        + " codec library failed to load (java.lang.UnsatisfiedLinkError: no"
                        + " snappyjava in java.library.path: "
                        + noLibraries
                        + "). "
                        + DataProblem.CODEC_UNAVAILABLE.fix(),
                result.value("message.1"));
    }

    @Test
    void snappy_platformWithoutBundledLibrary() throws Exception {
        Path file = snappyFile();
        // snappy-java picks its bundled library by os.name and os.arch, and it raises SnappyError,
        // which is not a LinkageError, when the jar has none for them.
        List<String> jvmOptions = List.of("-Dos.arch=unknown");

        ForkedJvm.Result result = readInChild(jvmOptions, file);

        assertCodecUnavailable(result, "snappy.parquet", "SNAPPY", "org.xerial.snappy.SnappyError");
        assertTrue(
                result.value("message.1").contains("os.arch=unknown"), result.value("message.1"));
    }

    @Test
    void zstd_libraryCannotBeExtracted() throws Exception {
        Path file =
                ParquetTestFiles.writePlayback(
                        dir.resolve("zstd.parquet"), rows(), CompressionCodecName.ZSTD);
        assertEquals(ROWS, PlaybackParquetReader.read(file).log().size(), "read in the test JVM");
        // zstd-jni extracts its bundled library into ZstdTempFolder, or java.io.tmpdir when that
        // property is not set, and a folder that does not exist makes the extraction fail.
        List<String> jvmOptions = List.of("-DZstdTempFolder=" + dir.resolve("missing"));

        ForkedJvm.Result result = readInChild(jvmOptions, file);

        assertCodecUnavailable(
                result, "zstd.parquet", "ZSTD", "java.lang.ExceptionInInitializerError");
    }
}
