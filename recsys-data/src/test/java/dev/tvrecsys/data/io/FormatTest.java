package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatTest {

    @TempDir Path dir;

    @Test
    void detect_byName() throws IOException {
        assertEquals(
                Format.MOVIELENS_100K,
                Format.detect(Files.writeString(dir.resolve("u.data"), "x")));
        assertEquals(
                Format.MOVIELENS_RATINGS,
                Format.detect(Files.writeString(dir.resolve("ratings.dat"), "x")));
        assertEquals(
                Format.PLAYBACK_PARQUET,
                Format.detect(Files.writeString(dir.resolve("log.PARQUET"), "x")));
        assertEquals(
                Format.DELIMITED,
                Format.detect(Files.writeString(dir.resolve("a.csv"), "u,i,ts\n")));
    }

    @Test
    void detect_byContent() throws IOException {
        assertEquals(
                Format.MOVIELENS_100K,
                Format.detect(Files.writeString(dir.resolve("ratings"), "1\t2\t3\t4\n")));
        assertEquals(
                Format.MOVIELENS_RATINGS,
                Format.detect(Files.writeString(dir.resolve("plays"), "1::2::3::4\n")));
        assertEquals(
                Format.DELIMITED,
                Format.detect(
                        Files.writeString(dir.resolve("seq"), "user_id\tmovie_id\tseq_pos\n")));
    }

    @Test
    void detect_parquetMagicWithoutExtension() throws IOException {
        Path file = dir.resolve("export");
        ParquetTestFiles.writePlayback(
                file, List.<Object[]>of(ParquetTestFiles.row(1, 1, 1, "VOD", 1, "1", "10:00", 5)));

        assertEquals(Format.PLAYBACK_PARQUET, Format.detect(file));
        assertEquals(1, LogReaders.read(file).log().size());
    }
}
