package dev.tvrecsys.data.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;

/** Writes Parquet files with any Avro schema, including schemas the reader must reject. */
final class ParquetTestFiles {

    private ParquetTestFiles() {}

    /** Writes {@code rows}, each an array of field values in schema order. */
    static Path write(Path file, Schema schema, List<Object[]> rows) throws IOException {
        try (ParquetWriter<GenericRecord> writer =
                AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                        .withSchema(schema)
                        .withDataModel(GenericData.get())
                        .withConf(new PlainParquetConfiguration())
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

    /** Writes rows in the playback schema without the checks of PlaybackParquetWriter. */
    static Path writePlayback(Path file, List<Object[]> rows) throws IOException {
        return write(file, PlaybackSchema.avroSchema(), rows);
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
