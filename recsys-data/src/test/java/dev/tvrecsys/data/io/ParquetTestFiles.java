package dev.tvrecsys.data.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/** Writes Parquet files with any Avro schema, including schemas the reader must reject. */
final class ParquetTestFiles {

    private ParquetTestFiles() {}

    /** Writes {@code rows}, each an array of field values in schema order. */
    static Path write(Path file, Schema schema, List<Object[]> rows) throws IOException {
        return write(file, schema, rows, builder(file, schema));
    }

    /** Writes rows in the playback schema without the checks of PlaybackParquetWriter. */
    static Path writePlayback(Path file, List<Object[]> rows) throws IOException {
        return write(file, PlaybackSchema.avroSchema(), rows);
    }

    /** Writes playback rows with pages compressed by {@code codec}. */
    static Path writePlayback(Path file, List<Object[]> rows, CompressionCodecName codec)
            throws IOException {
        Schema schema = PlaybackSchema.avroSchema();
        return write(file, schema, rows, builder(file, schema).withCompressionCodec(codec));
    }

    /**
     * Writes playback rows in row groups of {@code rowsPerGroup} rows, the last one possibly
     * shorter. A row group size of one byte makes parquet-mr end the row group at every size check,
     * and the size checks are fixed at every {@code rowsPerGroup} rows.
     */
    static Path writePlayback(Path file, List<Object[]> rows, int rowsPerGroup) throws IOException {
        Schema schema = PlaybackSchema.avroSchema();
        return write(
                file,
                schema,
                rows,
                builder(file, schema)
                        .withRowGroupSize(1L)
                        .withMinRowCountForPageSizeCheck(rowsPerGroup)
                        .withMaxRowCountForPageSizeCheck(rowsPerGroup));
    }

    private static AvroParquetWriter.Builder<GenericRecord> builder(Path file, Schema schema) {
        return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withConf(new PlainParquetConfiguration());
    }

    private static Path write(
            Path file,
            Schema schema,
            List<Object[]> rows,
            AvroParquetWriter.Builder<GenericRecord> builder)
            throws IOException {
        try (ParquetWriter<GenericRecord> writer = builder.build()) {
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

    /** Returns the number of rows of each row group, from the file footer. */
    static List<Long> rowGroupSizes(Path file) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData group : reader.getRowGroups()) {
                sizes.add(group.getRowCount());
            }
        }
        return sizes;
    }

    /** Returns the page codec of the first column chunk, from the file footer. */
    static CompressionCodecName codec(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRowGroups().get(0).getColumns().get(0).getCodec();
        }
    }

    /** Returns one playback row: user, session, show, asset, episode, day, time, minutes. */
    static Object[] row(
            int user,
            int session,
            int show,
            String asset,
            int episode,
            String day,
            String time,
            int minutes) {
        return new Object[] {user, session, show, asset, episode, day, time, minutes};
    }

    /** Returns the playback schema with every field optional, so that nulls can be written. */
    static Schema optionalPlaybackSchema() {
        return SchemaBuilder.record("playback")
                .fields()
                .optionalInt("user_id")
                .optionalInt("playback_session_id")
                .optionalInt("show_id")
                .optionalString("asset_type")
                .optionalInt("episode_id")
                .optionalString("day")
                .optionalString("time")
                .optionalInt("watch_minutes")
                .endRecord();
    }
}
