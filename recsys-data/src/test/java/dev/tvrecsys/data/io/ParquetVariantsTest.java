package dev.tvrecsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tvrecsys.data.EventLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads real Parquet files written by parquet-avro with each page codec, with dictionary and plain
 * pages, and with schemas that {@link LogReaders} must reject.
 *
 * <p>Every codec reads here without a system library: Snappy and ZSTD load the native code bundled
 * in snappy-java and zstd-jni, and LZ4_RAW is pure Java in aircompressor.
 */
class ParquetVariantsTest {

    private static final int ROWS = 30;

    @TempDir Path dir;

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(
                    ParquetTestFiles.row(
                            1 + i % 4,
                            i,
                            200 + i % 3,
                            i % 2 == 0 ? "VOD" : "LIVE",
                            i,
                            String.valueOf(1 + i / 10),
                            String.format("%02d:%02d", i % 24, (7 * i) % 60),
                            i));
        }
        return rows;
    }

    private static Path write(
            Path file,
            Schema schema,
            List<Object[]> rows,
            CompressionCodecName codec,
            boolean dictionary)
            throws IOException {
        try (ParquetWriter<GenericRecord> writer =
                AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                        .withSchema(schema)
                        .withDataModel(GenericData.get())
                        .withConf(new PlainParquetConfiguration())
                        .withCompressionCodec(codec)
                        .withDictionaryEncoding(dictionary)
                        .build()) {
            for (Object[] values : rows) {
                GenericData.Record record = new GenericData.Record(schema);
                for (int i = 0; i < values.length; i++) {
                    record.put(i, values[i]);
                }
                writer.write(record);
            }
        }
        return file;
    }

    private static ColumnChunkMetaData assetTypeColumn(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (ColumnChunkMetaData column : reader.getRowGroups().get(0).getColumns()) {
                if (column.getPath().toDotString().equals("asset_type")) {
                    return column;
                }
            }
        }
        throw new AssertionError("no asset_type column in " + file);
    }

    private static void assertRowsRead(EventLog log) {
        assertEquals(ROWS, log.size());
        for (int i = 0; i < ROWS; i++) {
            assertEquals(1 + i % 4, log.userId(i), "user of row " + i);
            assertEquals(200 + i % 3, log.showId(i), "show of row " + i);
            assertEquals(i % 2 == 0 ? "VOD" : "LIVE", log.assetType(i), "asset of row " + i);
            assertEquals(1 + i / 10, log.day(i), "day of row " + i);
            assertEquals((i % 24) * 60 + (7 * i) % 60, log.minuteOfDay(i), "minute of row " + i);
            assertEquals(i, log.watchMinutes(i), "minutes of row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void codec_dictionaryPagesRead(CompressionCodecName codec) throws IOException {
        Path file =
                write(
                        dir.resolve(codec + "-dictionary.parquet"),
                        PlaybackSchema.avroSchema(),
                        rows(),
                        codec,
                        true);
        ColumnChunkMetaData column = assetTypeColumn(file);
        assertEquals(codec, column.getCodec());
        assertTrue(column.hasDictionaryPage(), "dictionary page expected");

        assertRowsRead(
                LogReaders.read(file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()).log());
    }

    @ParameterizedTest
    @EnumSource(
            value = CompressionCodecName.class,
            names = {"UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void codec_plainPagesRead(CompressionCodecName codec) throws IOException {
        Path file =
                write(
                        dir.resolve(codec + "-plain.parquet"),
                        PlaybackSchema.avroSchema(),
                        rows(),
                        codec,
                        false);
        ColumnChunkMetaData column = assetTypeColumn(file);
        assertEquals(codec, column.getCodec());
        assertFalse(column.hasDictionaryPage(), "no dictionary page expected");
        Set<Encoding> encodings = column.getEncodings();
        assertTrue(encodings.contains(Encoding.PLAIN), encodings.toString());

        assertRowsRead(
                LogReaders.read(file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()).log());
    }

    @Test
    void zeroRows_isNoEvents() throws IOException {
        Path file =
                write(
                        dir.resolve("empty.parquet"),
                        PlaybackSchema.avroSchema(),
                        List.of(),
                        CompressionCodecName.UNCOMPRESSED,
                        true);

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));

        assertEquals(DataProblem.NO_EVENTS, e.problem());
        assertEquals(
                "empty.parquet: the file has no events (0 rows read, 0 skipped). Check that the"
                        + " export is complete and that the file is the intended one.",
                e.getMessage());
    }

    @Test
    void int64UserId_isWrongType() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback")
                        .fields()
                        .requiredLong("user_id")
                        .requiredInt("playback_session_id")
                        .requiredInt("show_id")
                        .requiredString("asset_type")
                        .requiredInt("episode_id")
                        .requiredString("day")
                        .requiredString("time")
                        .requiredInt("watch_minutes")
                        .endRecord();
        List<Object[]> rows = rows();
        for (Object[] row : rows) {
            row[0] = ((Integer) row[0]).longValue();
        }
        Path file =
                write(
                        dir.resolve("long-user.parquet"),
                        schema,
                        rows,
                        CompressionCodecName.UNCOMPRESSED,
                        true);

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));

        assertEquals(DataProblem.WRONG_TYPE, e.problem());
        assertEquals("user_id", e.column());
        assertEquals("int64", e.value());
        assertTrue(e.getMessage().startsWith("long-user.parquet, column user_id:"), e.getMessage());
    }

    @Test
    void renamedColumn_isMissingColumn() throws IOException {
        Schema schema =
                SchemaBuilder.record("playback")
                        .fields()
                        .requiredInt("user_id")
                        .requiredInt("playback_session_id")
                        .requiredInt("series_id")
                        .requiredString("asset_type")
                        .requiredInt("episode_id")
                        .requiredString("day")
                        .requiredString("time")
                        .requiredInt("watch_minutes")
                        .endRecord();
        Path file =
                write(
                        dir.resolve("renamed.parquet"),
                        schema,
                        rows(),
                        CompressionCodecName.UNCOMPRESSED,
                        true);

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));

        assertEquals(DataProblem.MISSING_COLUMN, e.problem());
        assertEquals("show_id", e.column());
        assertTrue(e.getMessage().contains("series_id"), e.getMessage());
    }

    /** Writes one row whose {@code day} column has the given primitive type and logical type. */
    private Path writeDayAs(String name, String dayColumn, Object dayValue) throws IOException {
        MessageType schema =
                MessageTypeParser.parseMessageType(
                        "message playback { required int32 user_id; required int32"
                                + " playback_session_id; required int32 show_id; required binary"
                                + " asset_type (STRING); required int32 episode_id; "
                                + dayColumn
                                + "; required binary time (STRING); required int32"
                                + " watch_minutes; }");
        Path file = dir.resolve(name);
        try (ParquetWriter<Group> writer =
                ExampleParquetWriter.builder(new LocalOutputFile(file))
                        .withType(schema)
                        .withConf(new PlainParquetConfiguration())
                        .build()) {
            Group row =
                    new SimpleGroupFactory(schema)
                            .newGroup()
                            .append("user_id", 1)
                            .append("playback_session_id", 1)
                            .append("show_id", 10)
                            .append("asset_type", "VOD")
                            .append("episode_id", 1);
            if (dayValue instanceof Long) {
                row.append("day", (Long) dayValue);
            } else {
                row.append("day", (Binary) dayValue);
            }
            row.append("time", "20:00").append("watch_minutes", 30);
            writer.write(row);
        }
        return file;
    }

    @Test
    void int96Day_isWrongType() throws IOException {
        Path file =
                writeDayAs(
                        "int96-day.parquet",
                        "required int96 day",
                        Binary.fromConstantByteArray(new byte[12]));

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));

        assertEquals(DataProblem.WRONG_TYPE, e.problem());
        assertEquals("day", e.column());
        assertTrue(e.getMessage().startsWith("int96-day.parquet, column day:"), e.getMessage());
    }

    @Test
    void timestampDay_isWrongType() throws IOException {
        Path file =
                writeDayAs(
                        "timestamp-day.parquet",
                        "required int64 day (TIMESTAMP(MILLIS,true))",
                        1_700_000_000_000L);

        DataFormatException e =
                assertThrows(
                        DataFormatException.class,
                        () ->
                                LogReaders.read(
                                        file, Format.PLAYBACK_PARQUET, ReadOptions.defaults()));

        assertEquals(DataProblem.WRONG_TYPE, e.problem());
        assertEquals("day", e.column());
    }
}
