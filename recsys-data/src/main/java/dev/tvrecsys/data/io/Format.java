package dev.tvrecsys.data.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The input formats that {@link LogReaders} reads. */
public enum Format {
    /** Playback log in Parquet, see {@link PlaybackSchema}. */
    PLAYBACK_PARQUET,
    /** MovieLens 100K {@code u.data}: user, item, rating, unix time; tab-separated, no header. */
    MOVIELENS_100K,
    /** MovieLens {@code ratings.dat}: {@code user::item::rating::unix time}, no header. */
    MOVIELENS_RATINGS,
    /** Delimited text with a header line that names the user, item and time or position. */
    DELIMITED;

    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    /**
     * Detects the format of a file from its name, then from its content.
     *
     * <p>A {@code .gz} suffix is ignored for the name. Names ending in {@code .parquet} are
     * Parquet, {@code u.data} is MovieLens 100K, and names ending in {@code .dat} are MovieLens
     * ratings. Otherwise a file starting with the Parquet magic bytes {@code PAR1} is Parquet, a
     * first line with {@code ::} is MovieLens ratings, a first line of four tab-separated integers
     * is MovieLens 100K, and anything else is delimited text with a header.
     *
     * @param file the file
     * @return the format
     * @throws IOException if the file cannot be read
     */
    public static Format detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".parquet")) {
            return PLAYBACK_PARQUET;
        }
        if (name.equals("u.data")) {
            return MOVIELENS_100K;
        }
        if (name.endsWith(".dat")) {
            return MOVIELENS_RATINGS;
        }
        if (startsWithParquetMagic(file)) {
            return PLAYBACK_PARQUET;
        }
        try (LineReader lines = LineReader.open(file)) {
            while (lines.next()) {
                byte[] bytes = lines.bytes();
                if (FieldParser.isBlank(bytes, lines.start(), lines.end())) {
                    continue;
                }
                return detectFromFirstLine(bytes, lines.start(), lines.end());
            }
        }
        return DELIMITED;
    }

    private static Format detectFromFirstLine(byte[] bytes, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            if (bytes[i] == ':' && bytes[i + 1] == ':') {
                return MOVIELENS_RATINGS;
            }
        }
        int fields = 0;
        int fieldStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || bytes[i] == '\t') {
                if (FieldParser.parseLong(bytes, fieldStart, i) == FieldParser.INVALID) {
                    return DELIMITED;
                }
                fields++;
                fieldStart = i + 1;
            }
        }
        return fields == 4 ? MOVIELENS_100K : DELIMITED;
    }

    private static boolean startsWithParquetMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PARQUET_MAGIC.length);
            return java.util.Arrays.equals(head, PARQUET_MAGIC);
        }
    }
}
