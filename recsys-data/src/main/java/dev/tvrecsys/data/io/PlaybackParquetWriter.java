package dev.tvrecsys.data.io;

import dev.tvrecsys.data.EventLog;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes playback logs to Parquet in the {@link PlaybackSchema} layout, one row at a time.
 *
 * <p>Rows go to a temporary file in the target's directory, which {@link #close()} moves onto the
 * target with an atomic move, so readers never see a half-written file. If a write fails, {@code
 * close()} deletes the temporary file and leaves the target as it was. Pages are compressed with
 * Snappy through snappy-java, which bundles its native library; where that library cannot load, the
 * file is written uncompressed and a WARN line reports it.
 *
 * <pre>{@code
 * try (PlaybackParquetWriter writer = PlaybackParquetWriter.open(path)) {
 *     writer.write(7, 1, 101, "CHANNEL", 5, "1", "19:00", 30);
 * }
 * }</pre>
 */
public final class PlaybackParquetWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackParquetWriter.class);

    private static final String[] TIMES_OF_DAY = timesOfDay();

    private final Path target;
    private final Path temporary;
    private final ParquetWriter<GenericRecord> writer;
    private final GenericData.Record record;
    private long rows;
    private boolean failed;
    private boolean closed;

    private PlaybackParquetWriter(
            Path target, Path temporary, ParquetWriter<GenericRecord> writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
        this.record = new GenericData.Record(PlaybackSchema.avroSchema());
    }

    /**
     * Opens a writer whose rows replace {@code target} when it is closed, with parquet-mr's default
     * row group size of 128 MiB.
     *
     * @param target the Parquet file to create or replace
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     */
    public static PlaybackParquetWriter open(Path target) throws IOException {
        return open(target, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /**
     * Opens a writer whose rows replace {@code target} when it is closed.
     *
     * @param target the Parquet file to create or replace
     * @param rowGroupBytes the row group size that parquet-mr aims at, in bytes of buffered column
     *     data. A reader keeps the column chunks of one row group in memory.
     * @return the writer
     * @throws IOException if the temporary file cannot be created
     * @throws IllegalArgumentException if {@code rowGroupBytes} is not positive
     */
    public static PlaybackParquetWriter open(Path target, long rowGroupBytes) throws IOException {
        if (rowGroupBytes <= 0) {
            throw new IllegalArgumentException(
                    "rowGroupBytes must be positive, found " + rowGroupBytes);
        }
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = TemporaryFiles.createBeside(absolute);
        try {
            Schema schema = PlaybackSchema.avroSchema();
            ParquetWriter<GenericRecord> writer =
                    AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(temporary))
                            .withSchema(schema)
                            .withDataModel(GenericData.get())
                            .withConf(new PlainParquetConfiguration())
                            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                            .withCompressionCodec(Codec.CHOSEN)
                            .withRowGroupSize(rowGroupBytes)
                            .build();
            return new PlaybackParquetWriter(absolute, temporary, writer);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * Writes all events of a log that has clock time, with day numbers in the day column.
     *
     * @param log the events; {@link EventLog#hasClockTime()} must be true
     * @param target the Parquet file to create or replace
     * @return the number of rows written
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the log has no clock time or a day is not positive
     */
    public static long write(EventLog log, Path target) throws IOException {
        return write(log, target, false);
    }

    /**
     * Writes all events of a log that has clock time.
     *
     * @param log the events; {@link EventLog#hasClockTime()} must be true
     * @param target the Parquet file to create or replace
     * @param isoDates whether {@link EventLog#day(int)} is an epoch day to be written as an ISO
     *     date {@code yyyy-MM-dd}, rather than a day number
     * @return the number of rows written
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the log has no clock time or a day number is not positive
     */
    public static long write(EventLog log, Path target, boolean isoDates) throws IOException {
        if (!log.hasClockTime()) {
            throw new IllegalArgumentException(
                    "log " + log.source() + " has no clock time, so it has no day and time");
        }
        try (PlaybackParquetWriter writer = open(target)) {
            for (int row = 0; row < log.size(); row++) {
                int day = log.day(row);
                String dayText = isoDates ? LocalDate.ofEpochDay(day).toString() : dayNumber(day);
                writer.write(
                        log.userId(row),
                        log.sessionId(row),
                        log.showId(row),
                        log.assetType(row),
                        log.episodeId(row),
                        dayText,
                        timeOfDay(log.minuteOfDay(row)),
                        log.watchMinutes(row));
            }
            return writer.rows();
        }
    }

    /**
     * Writes one row.
     *
     * @param userId viewer id
     * @param sessionId playback session id
     * @param showId show id
     * @param assetType asset type, not blank
     * @param episodeId episode id
     * @param day positive day number or ISO date, as text
     * @param time start time of day {@code HH:MM}
     * @param watchMinutes minutes watched, not negative
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a value would make the file invalid for {@link
     *     PlaybackParquetReader}
     */
    public void write(
            int userId,
            int sessionId,
            int showId,
            String assetType,
            int episodeId,
            String day,
            String time,
            int watchMinutes)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("writer for " + target + " is closed");
        }
        checkRow(assetType, day, time, watchMinutes);
        record.put(0, userId);
        record.put(1, sessionId);
        record.put(2, showId);
        record.put(3, assetType);
        record.put(4, episodeId);
        record.put(5, day);
        record.put(6, time);
        record.put(7, watchMinutes);
        try {
            writer.write(record);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        rows++;
    }

    private static void checkRow(String assetType, String day, String time, int watchMinutes) {
        if (assetType == null || assetType.isBlank()) {
            throw new IllegalArgumentException("assetType must not be blank");
        }
        byte[] dayBytes = day.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean validDay =
                FieldParser.looksLikeIsoDate(dayBytes, 0, dayBytes.length)
                        ? FieldParser.parseIsoDate(dayBytes, 0, dayBytes.length)
                                != FieldParser.INVALID
                        : FieldParser.parseLong(dayBytes, 0, dayBytes.length) > 0;
        if (!validDay) {
            throw new IllegalArgumentException(
                    "day must be a positive day number or a date yyyy-MM-dd, found '" + day + "'");
        }
        byte[] timeBytes = time.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (FieldParser.parseMinuteOfDay(timeBytes, 0, timeBytes.length) < 0) {
            throw new IllegalArgumentException(
                    "time must be HH:MM from 00:00 to 23:59, found '" + time + "'");
        }
        if (watchMinutes < 0) {
            throw new IllegalArgumentException(
                    "watchMinutes must not be negative, found " + watchMinutes);
        }
    }

    /** Returns the number of rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * Finishes the file and moves it onto the target, or deletes it if a write failed.
     *
     * @throws IOException if finishing or moving the file fails; the target is then unchanged
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (failed) {
            Files.deleteIfExists(temporary);
            return;
        }
        try {
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        LOG.debug("Wrote {} rows to {}", rows, target);
    }

    /**
     * Returns a day number as text.
     *
     * @throws IllegalArgumentException if the day is not positive
     */
    public static String dayNumber(int day) {
        if (day <= 0) {
            throw new IllegalArgumentException("day number must be positive, found " + day);
        }
        return Integer.toString(day);
    }

    /**
     * Returns a minute of the day as {@code HH:MM}, without allocating.
     *
     * @throws IllegalArgumentException if the minute is outside 0 to 1439
     */
    public static String timeOfDay(int minuteOfDay) {
        if (minuteOfDay < 0 || minuteOfDay >= EventLog.MINUTES_PER_DAY) {
            throw new IllegalArgumentException(
                    "minuteOfDay must be in [0, 1439], found " + minuteOfDay);
        }
        return TIMES_OF_DAY[minuteOfDay];
    }

    private static String[] timesOfDay() {
        String[] times = new String[EventLog.MINUTES_PER_DAY];
        for (int minute = 0; minute < times.length; minute++) {
            times[minute] = String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
        }
        return times;
    }

    /**
     * Returns the page codec that Parquet writers in this JVM use: Snappy, or uncompressed where
     * snappy-java cannot load its native library.
     */
    public static CompressionCodecName compressionCodec() {
        return Codec.CHOSEN;
    }

    /** The page codec, chosen once per JVM. */
    static final class Codec {
        static final CompressionCodecName CHOSEN = choose();

        private Codec() {}

        private static CompressionCodecName choose() {
            try {
                byte[] sample = "snappy check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                org.xerial.snappy.Snappy.uncompress(org.xerial.snappy.Snappy.compress(sample));
                return CompressionCodecName.SNAPPY;
            } catch (IOException | LinkageError | org.xerial.snappy.SnappyError e) {
                LOG.warn(
                        "snappy-java cannot load its native library ({}), so Parquet files are"
                                + " written uncompressed",
                        e.toString());
                return CompressionCodecName.UNCOMPRESSED;
            }
        }
    }
}
