package dev.tvrecsys.model.serving;

import dev.tvrecsys.data.io.PlaybackParquetWriter;
import dev.tvrecsys.data.io.TemporaryFiles;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSV file and a Parquet file of top-k rows {@code (viewer_id, rank, show_id, score)}, written
 * row by row to temporary files beside the targets.
 *
 * <p>{@link #commit()} finishes both files and moves each onto its target with an atomic move.
 * {@link #close()} without a successful commit deletes the temporary files and leaves the targets
 * as they were. The two moves are separate, so if the second one fails the CSV target is already
 * replaced while the Parquet target is not.
 */
final class TopKFiles implements Closeable {

    /** Header line of the CSV file. */
    static final String CSV_HEADER = "viewer_id,rank,show_id,score";

    private static final Logger LOG = LoggerFactory.getLogger(TopKFiles.class);

    private static final Schema SCHEMA =
            SchemaBuilder.record("TopKRow")
                    .namespace("dev.tvrecsys.model.serving")
                    .doc("One recommended show of one viewer; rank 1 is the best.")
                    .fields()
                    .requiredInt("viewer_id")
                    .requiredInt("rank")
                    .requiredInt("show_id")
                    .requiredFloat("score")
                    .endRecord();

    private final Path csvTarget;
    private final Path parquetTarget;
    private final Path csvTemporary;
    private final Path parquetTemporary;
    private final BufferedWriter csv;
    private final ParquetWriter<GenericRecord> parquet;
    private final GenericData.Record record = new GenericData.Record(SCHEMA);
    private final StringBuilder line = new StringBuilder(64);
    private long rows;
    private boolean committed;
    private boolean closed;

    private TopKFiles(
            Path csvTarget,
            Path parquetTarget,
            Path csvTemporary,
            Path parquetTemporary,
            BufferedWriter csv,
            ParquetWriter<GenericRecord> parquet) {
        this.csvTarget = csvTarget;
        this.parquetTarget = parquetTarget;
        this.csvTemporary = csvTemporary;
        this.parquetTemporary = parquetTemporary;
        this.csv = csv;
        this.parquet = parquet;
    }

    /** Returns the Avro schema of the Parquet rows: int32 ids and rank, float score. */
    static Schema avroSchema() {
        return SCHEMA;
    }

    /**
     * Creates the temporary files and writes the CSV header.
     *
     * @param csvTarget the CSV file to create or replace on commit
     * @param parquetTarget the Parquet file to create or replace on commit
     * @throws IOException if a directory or temporary file cannot be created
     */
    static TopKFiles open(Path csvTarget, Path parquetTarget) throws IOException {
        Path csvFile = csvTarget.toAbsolutePath();
        Path parquetFile = parquetTarget.toAbsolutePath();
        if (csvFile.equals(parquetFile)) {
            throw new IllegalArgumentException(
                    "CSV and Parquet outputs must be different files, found " + csvFile + " twice");
        }
        Path csvTemporary = createTemporary(csvFile);
        Path parquetTemporary = null;
        BufferedWriter csv = null;
        try {
            parquetTemporary = createTemporary(parquetFile);
            csv = Files.newBufferedWriter(csvTemporary, StandardCharsets.UTF_8);
            csv.write(CSV_HEADER);
            csv.write('\n');
            ParquetWriter<GenericRecord> parquet =
                    AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(parquetTemporary))
                            .withSchema(SCHEMA)
                            .withDataModel(GenericData.get())
                            .withConf(new PlainParquetConfiguration())
                            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                            .withCompressionCodec(PlaybackParquetWriter.compressionCodec())
                            .build();
            return new TopKFiles(
                    csvFile, parquetFile, csvTemporary, parquetTemporary, csv, parquet);
        } catch (IOException | RuntimeException e) {
            closeQuietly(csv, e);
            Files.deleteIfExists(csvTemporary);
            if (parquetTemporary != null) {
                Files.deleteIfExists(parquetTemporary);
            }
            throw e;
        }
    }

    private static Path createTemporary(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        return TemporaryFiles.createBeside(target);
    }

    /**
     * Writes one row to both files.
     *
     * @throws IOException if writing fails
     */
    void write(int viewerId, int rank, int showId, float score) throws IOException {
        if (closed) {
            throw new IllegalStateException("top-k files for " + csvTarget + " are closed");
        }
        line.setLength(0);
        line.append(viewerId).append(',').append(rank).append(',').append(showId).append(',');
        // Float.toString gives the shortest text that parses back to the same float.
        line.append(score).append('\n');
        csv.append(line);

        record.put(0, viewerId);
        record.put(1, rank);
        record.put(2, showId);
        record.put(3, score);
        parquet.write(record);
        rows++;
    }

    /** Returns the number of rows written so far, the header excluded. */
    long rows() {
        return rows;
    }

    /**
     * Finishes both files and moves them onto their targets, the CSV file first.
     *
     * @throws IOException if finishing or moving fails; temporary files are deleted by {@link
     *     #close()}
     */
    void commit() throws IOException {
        if (closed) {
            throw new IllegalStateException("top-k files for " + csvTarget + " are closed");
        }
        closed = true;
        csv.close();
        parquet.close();
        move(csvTemporary, csvTarget);
        move(parquetTemporary, parquetTarget);
        committed = true;
        LOG.debug("Wrote {} rows to {} and {}", rows, csvTarget, parquetTarget);
    }

    private static void move(Path temporary, Path target) throws IOException {
        Files.move(
                temporary,
                target,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the temporary files unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        // Both writers tolerate a second close, so this also covers a commit that failed midway.
        closed = true;
        closeQuietly(csv, null);
        closeQuietly(parquet, null);
        boolean csvDeleted = Files.deleteIfExists(csvTemporary);
        boolean parquetDeleted = Files.deleteIfExists(parquetTemporary);
        if (csvDeleted || parquetDeleted) {
            LOG.debug("Deleted the temporary files of {} and {}", csvTarget, parquetTarget);
        }
    }

    private static void closeQuietly(AutoCloseable resource, Exception failure) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("Failed to close a temporary output file: {}", e.toString());
            }
        }
    }
}
