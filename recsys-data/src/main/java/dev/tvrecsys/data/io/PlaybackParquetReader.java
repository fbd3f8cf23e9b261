package dev.tvrecsys.data.io;

import dev.tvrecsys.data.EventLog;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.xerial.snappy.SnappyError;

/**
 * Reads playback logs in the {@link PlaybackSchema} layout from Parquet, either as a stream of
 * events or into an {@link EventLog}.
 *
 * <p>The file schema is checked before any row is read: every column of {@link
 * PlaybackSchema#COLUMNS} must be present with its type (int32 or string, optional columns are
 * accepted), and other columns are ignored. Rows are then streamed through parquet-avro and checked
 * one by one: no nulls, a positive day number or an ISO date in {@code day} (one kind per file), a
 * time of day {@code HH:MM} in {@code time}, a non-blank asset type and non-negative watch minutes.
 * The event time is {@code day * 1440 + minuteOfDay}, where {@code day} is the day number or the
 * epoch day of the ISO date.
 *
 * <p>Memory: {@link #forEach} hands each valid event to an {@link EventConsumer} and keeps none, so
 * its memory does not grow with the number of rows. It keeps the file footer, the compressed column
 * chunks of the eight playback columns of one row group, the pages being decoded, the skipped-row
 * counts and at most {@value #ASSET_TYPE_CACHE_SIZE} cached asset type names. A row group is as
 * large as its writer made it: parquet-mr writers aim at 128 MiB of data per row group unless set
 * otherwise, and {@link PlaybackParquetWriter#open(Path, long)} sets a smaller size. {@link #read}
 * is built on {@code forEach} and collects the events into an {@link EventLog}, which takes 35
 * bytes per event and up to about 2.5 times that while its builder grows and copies its arrays. A
 * log that does not fit the heap must therefore be streamed.
 *
 * <p>SNAPPY and ZSTD pages are decompressed by native code that snappy-java and zstd-jni extract,
 * by default into {@code java.io.tmpdir}, and load on first use. Where it cannot load, the JVM
 * raises an {@link Error}: {@link UnsatisfiedLinkError}, {@link ExceptionInInitializerError} or
 * snappy-java's {@link SnappyError} on the first read, and {@link NoClassDefFoundError} on later
 * ones. A {@link LinkageError} from snappy-java or zstd-jni classes, or a {@code SnappyError},
 * raised while reading the rows of a file with any codec other than UNCOMPRESSED, GZIP and LZ4_RAW
 * becomes a {@link DataProblem#CODEC_UNAVAILABLE} exception that names the file and the codec and
 * keeps the error as its cause. In a file with only those three codecs, which need no native
 * library, such an error propagates unchanged.
 */
public final class PlaybackParquetReader {

    /** Maximum number of distinct asset type spellings whose names are cached. */
    static final int ASSET_TYPE_CACHE_SIZE = 1024;

    private static final int DAY_KIND_UNKNOWN = 0;
    private static final int DAY_KIND_NUMBER = 1;
    private static final int DAY_KIND_DATE = 2;

    /** The page codecs that parquet-mr decompresses without a native library. */
    private static final Set<CompressionCodecName> JAVA_CODECS =
            EnumSet.of(
                    CompressionCodecName.UNCOMPRESSED,
                    CompressionCodecName.GZIP,
                    CompressionCodecName.LZ4_RAW);

    private final String file;
    private final BadRows badRows;
    private final Footer footer;
    private final Map<Utf8, String> assetTypes = new HashMap<>();
    private final int[] positions = new int[PlaybackSchema.COLUMNS.size()];
    private Schema recordSchema;
    private int dayKind = DAY_KIND_UNKNOWN;
    private long firstDayRow;

    private PlaybackParquetReader(String file, ReadOptions options, Footer footer) {
        this.file = file;
        this.badRows = new BadRows(file, options.skipBadRows());
        this.footer = footer;
    }

    /**
     * The parts of the file footer that the reader uses.
     *
     * @param schema the file schema
     * @param rowGroupEnds the number of rows up to and including each row group
     * @param codecs the page codecs of the playback columns' chunks
     */
    private record Footer(
            MessageType schema, long[] rowGroupEnds, Set<CompressionCodecName> codecs) {}

    /**
     * Reads a playback log with the default options, raising on the first bad row.
     *
     * @param path the Parquet file
     * @return the events and the read report
     * @throws IOException if the file cannot be opened, for example because it does not exist
     * @throws DataFormatException if the schema or a row is invalid
     */
    public static ReadResult read(Path path) throws IOException {
        return read(path, ReadOptions.defaults());
    }

    /**
     * Reads a playback log into an {@link EventLog}, which keeps every event in memory.
     *
     * @param path the Parquet file
     * @param options whether bad rows are skipped; the other options do not apply
     * @return the events and the read report
     * @throws IOException if the file cannot be opened, for example because it does not exist
     * @throws DataFormatException if the file is truncated, corrupt or not Parquet, if a page codec
     *     cannot load its native library, if the schema is invalid, or if a row is invalid and bad
     *     rows are not skipped
     */
    public static ReadResult read(Path path, ReadOptions options) throws IOException {
        String file = path.getFileName().toString();
        EventLog.Builder builder = EventLog.builder(file, true);
        ReadReport report;
        try {
            report = forEach(path, options, builder::add);
        } catch (IllegalArgumentException e) {
            // EventLog.Builder rejects more distinct asset types than its byte codes can hold.
            throw unreadable(file, e);
        }
        return new ReadResult(builder.build(), report);
    }

    /**
     * Streams a playback log: checks each row and hands every valid event to {@code consumer}
     * without keeping it, so that files whose events do not fit in memory can be read. Rows are
     * checked and reported exactly as by {@link #read(Path, ReadOptions)}.
     *
     * @param path the Parquet file
     * @param options whether bad rows are skipped; the other options do not apply
     * @param consumer receives each valid event, in file order
     * @return the read report; {@link ReadReport#rowsKept()} is the number of consumer calls
     * @throws IOException if the file cannot be opened, or if {@code consumer} throws it
     * @throws DataFormatException if the file is truncated, corrupt or not Parquet, if a page codec
     *     cannot load its native library, if the schema is invalid, or if a row is invalid and bad
     *     rows are not skipped. The events before an invalid row have been delivered by then.
     */
    public static ReadReport forEach(Path path, ReadOptions options, EventConsumer consumer)
            throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        String file = path.getFileName().toString();
        InputFile input = new LocalInputFile(path);
        Footer footer = readFooter(input, file);
        MessageType projection = checkSchema(file, footer.schema());
        return new PlaybackParquetReader(file, options, footer)
                .readRows(input, projection, consumer);
    }

    private static Footer readFooter(InputFile input, String file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(input)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<BlockMetaData> groups = reader.getRowGroups();
            long[] rowGroupEnds = new long[groups.size()];
            Set<CompressionCodecName> codecs = EnumSet.noneOf(CompressionCodecName.class);
            long end = 0;
            for (int i = 0; i < groups.size(); i++) {
                end += groups.get(i).getRowCount();
                rowGroupEnds[i] = end;
                for (ColumnChunkMetaData column : groups.get(i).getColumns()) {
                    if (PlaybackSchema.COLUMNS.contains(column.getPath().toDotString())) {
                        codecs.add(column.getCodec());
                    }
                }
            }
            return new Footer(schema, rowGroupEnds, codecs);
        } catch (NoSuchFileException | AccessDeniedException | FileNotFoundException e) {
            // LocalInputFile opens with RandomAccessFile, which reports a missing or unreadable
            // file as FileNotFoundException, which is a failure to open and not bad content.
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Returns the exception for bytes that parquet-mr cannot parse. parquet-mr reports a truncated,
     * corrupt or foreign file as an IOException or as one of several RuntimeExceptions
     * (ParquetDecodingException, SchemaParseException, NullPointerException and others), so every
     * one of them means unreadable bytes.
     */
    private static DataFormatException unreadable(String file, Exception cause) {
        DataFormatException unreadable =
                new DataFormatException(
                        DataProblem.UNREADABLE_FILE,
                        file,
                        0,
                        0,
                        0,
                        null,
                        null,
                        "cannot be read as " + Format.PLAYBACK_PARQUET + " (" + cause + ")");
        unreadable.initCause(cause);
        return unreadable;
    }

    /** Checks the columns and returns the file schema cut down to the playback columns. */
    private static MessageType checkSchema(String file, MessageType fileSchema) {
        List<String> missing = new ArrayList<>();
        for (String column : PlaybackSchema.COLUMNS) {
            if (!fileSchema.containsField(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            List<String> found = new ArrayList<>();
            for (Type type : fileSchema.getFields()) {
                found.add(type.getName());
            }
            throw new DataFormatException(
                    DataProblem.MISSING_COLUMN,
                    file,
                    0,
                    0,
                    0,
                    missing.get(0),
                    null,
                    "required columns " + missing + " are missing; the file has " + found);
        }
        List<Type> fields = new ArrayList<>();
        for (String column : PlaybackSchema.COLUMNS) {
            Type type = fileSchema.getType(column);
            boolean stringColumn = PlaybackSchema.isStringColumn(column);
            if (!hasType(type, stringColumn)) {
                String expected = stringColumn ? "string" : "int32";
                throw new DataFormatException(
                        DataProblem.WRONG_TYPE,
                        file,
                        0,
                        0,
                        0,
                        column,
                        describe(type),
                        "expected type " + expected + ", found " + describe(type));
            }
            fields.add(type);
        }
        return new MessageType(fileSchema.getName(), fields);
    }

    private static boolean hasType(Type type, boolean stringColumn) {
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
            return false;
        }
        PrimitiveType primitive = type.asPrimitiveType();
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        if (stringColumn) {
            return primitive.getPrimitiveTypeName() == PrimitiveTypeName.BINARY
                    && (annotation == null
                            || annotation.equals(LogicalTypeAnnotation.stringType()));
        }
        return primitive.getPrimitiveTypeName() == PrimitiveTypeName.INT32
                && (annotation == null || annotation.equals(LogicalTypeAnnotation.intType(32)));
    }

    private static String describe(Type type) {
        if (!type.isPrimitive()) {
            return "group";
        }
        PrimitiveType primitive = type.asPrimitiveType();
        String name = primitive.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT);
        if (primitive.getLogicalTypeAnnotation() != null) {
            name += " (" + primitive.getLogicalTypeAnnotation() + ")";
        }
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            name = "repeated " + name;
        }
        return name;
    }

    private ReadReport readRows(InputFile input, MessageType projection, EventConsumer consumer)
            throws IOException {
        long row = 0;
        long rowsKept = 0;
        try (ParquetReader<GenericRecord> records = openRecords(input, projection)) {
            GenericRecord record;
            while ((record = nextRecord(records)) != null) {
                row++;
                if (deliver(record, row, consumer)) {
                    rowsKept++;
                }
            }
        }
        return badRows.finish(row, rowsKept);
    }

    private ParquetReader<GenericRecord> openRecords(InputFile input, MessageType projection)
            throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        Schema avroProjection = new AvroSchemaConverter(conf).convert(projection);
        conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, avroProjection.toString());
        try {
            return AvroParquetReader.<GenericRecord>builder(input, conf)
                    .withDataModel(GenericData.get())
                    .build();
        } catch (NoSuchFileException | AccessDeniedException | FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    /** Returns the next record, or null at the end of the file. */
    private GenericRecord nextRecord(ParquetReader<GenericRecord> records) throws IOException {
        try {
            return records.read();
        } catch (NoSuchFileException | AccessDeniedException | FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        } catch (LinkageError | SnappyError e) {
            // Pages are decompressed here, so this is where a codec's native library first loads.
            throw codecUnavailable(e);
        }
    }

    /**
     * Returns the exception for a codec whose library failed to load. Rethrows {@code error} when
     * the file uses only codecs without a native library, because the error then has another cause.
     */
    private DataFormatException codecUnavailable(Error error) {
        Set<CompressionCodecName> nativeCodecs = EnumSet.copyOf(footer.codecs());
        nativeCodecs.removeAll(JAVA_CODECS);
        if (nativeCodecs.isEmpty() || !fromCodecLibrary(error)) {
            throw error;
        }
        String codecs = nativeCodecs.stream().map(Enum::name).collect(Collectors.joining(", "));
        DataFormatException unavailable =
                new DataFormatException(
                        DataProblem.CODEC_UNAVAILABLE,
                        file,
                        0,
                        0,
                        0,
                        null,
                        codecs,
                        "pages compressed with "
                                + codecs
                                + " cannot be decompressed because the codec library failed to"
                                + " load ("
                                + error
                                + ")");
        unavailable.initCause(error);
        return unavailable;
    }

    /**
     * Returns whether {@code error} or one of its causes names a class of snappy-java or zstd-jni
     * in its message or stack, which separates a failed codec library from another missing class.
     */
    private static boolean fromCodecLibrary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof SnappyError || isCodecClass(message)) {
                return true;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isCodecClass(frame.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCodecClass(String text) {
        return text.contains("org.xerial.snappy")
                || text.contains("org/xerial/snappy")
                || text.contains("com.github.luben.zstd")
                || text.contains("com/github/luben/zstd");
    }

    /**
     * Checks one record and hands its event to {@code consumer}, or rejects it.
     *
     * @return whether the record was valid and handed over
     */
    private boolean deliver(GenericRecord record, long row, EventConsumer consumer)
            throws IOException {
        if (record.getSchema() != recordSchema) {
            recordSchema = record.getSchema();
            for (int i = 0; i < positions.length; i++) {
                positions[i] = recordSchema.getField(PlaybackSchema.COLUMNS.get(i)).pos();
            }
        }

        for (int i = 0; i < positions.length; i++) {
            if (record.get(positions[i]) == null) {
                reject(DataProblem.MISSING_VALUE, row, i, null, "value is null");
                return false;
            }
        }

        Object assetType = record.get(positions[3]);
        Object day = record.get(positions[5]);
        Object time = record.get(positions[6]);
        Object watchMinutes = record.get(positions[7]);

        Utf8 assetText = utf8(assetType);
        String assetName = assetTypeName(assetText);
        if (assetName.isEmpty()) {
            reject(DataProblem.MISSING_VALUE, row, 3, assetText, "asset type is blank");
            return false;
        }

        int dayValue = parseDay(utf8(day), row);
        if (dayValue == Integer.MIN_VALUE) {
            return false;
        }

        Utf8 timeText = utf8(time);
        int minuteOfDay =
                FieldParser.parseMinuteOfDay(timeText.getBytes(), 0, timeText.getByteLength());
        if (minuteOfDay < 0) {
            reject(
                    DataProblem.INVALID_TIME,
                    row,
                    6,
                    timeText,
                    "value '" + timeText + "' is not a time of day HH:MM from 00:00 to 23:59");
            return false;
        }

        int minutes = (Integer) watchMinutes;
        if (minutes < 0) {
            reject(
                    DataProblem.NEGATIVE_VALUE,
                    row,
                    7,
                    watchMinutes.toString(),
                    "value " + minutes + " is negative, but watch minutes must be >= 0");
            return false;
        }

        consumer.accept(
                (Integer) record.get(positions[0]),
                (Integer) record.get(positions[1]),
                (Integer) record.get(positions[2]),
                assetName,
                (Integer) record.get(positions[4]),
                (long) dayValue * EventLog.MINUTES_PER_DAY + minuteOfDay,
                dayValue,
                minuteOfDay,
                minutes);
        return true;
    }

    /** Returns the day number or epoch day, or {@code Integer.MIN_VALUE} after a rejection. */
    private int parseDay(Utf8 text, long row) {
        byte[] bytes = text.getBytes();
        int length = text.getByteLength();
        boolean isoDate = FieldParser.looksLikeIsoDate(bytes, 0, length);
        long value =
                isoDate
                        ? FieldParser.parseIsoDate(bytes, 0, length)
                        : FieldParser.parseLong(bytes, 0, length);
        if (value == FieldParser.INVALID
                || (!isoDate && (value <= 0 || value > Integer.MAX_VALUE))) {
            reject(
                    DataProblem.INVALID_DAY,
                    row,
                    5,
                    text,
                    "value '" + text + "' is neither a positive day number nor a date yyyy-MM-dd");
            return Integer.MIN_VALUE;
        }
        int kind = isoDate ? DAY_KIND_DATE : DAY_KIND_NUMBER;
        if (dayKind == DAY_KIND_UNKNOWN) {
            dayKind = kind;
            firstDayRow = row;
        } else if (kind != dayKind) {
            reject(
                    DataProblem.MIXED_DAY_KINDS,
                    row,
                    5,
                    text,
                    "value '"
                            + text
                            + "' is "
                            + (isoDate ? "a date" : "a day number")
                            + ", but row "
                            + firstDayRow
                            + " has "
                            + (isoDate ? "a day number" : "a date")
                            + ", and one file must use one kind");
            return Integer.MIN_VALUE;
        }
        return (int) value;
    }

    /**
     * Returns the asset type as {@link EventLog} stores it: without leading and trailing characters
     * up to U+0020, upper-cased, and empty for a blank one.
     */
    private String assetTypeName(Utf8 text) {
        String name = assetTypes.get(text);
        if (name == null) {
            name = text.toString().trim().toUpperCase(Locale.ROOT);
            // The cap keeps a stream of distinct spellings from filling the heap.
            if (assetTypes.size() < ASSET_TYPE_CACHE_SIZE) {
                assetTypes.put(new Utf8(text), name);
            }
        }
        return name;
    }

    private static Utf8 utf8(Object value) {
        return value instanceof Utf8 ? (Utf8) value : new Utf8(value.toString());
    }

    private void reject(
            DataProblem problem, long row, int column, CharSequence value, String detail) {
        badRows.reject(
                problem, row, 0, rowGroup(row), PlaybackSchema.COLUMNS.get(column), value, detail);
    }

    /** Returns the 1-based row group of a 1-based row. */
    private int rowGroup(long row) {
        long[] rowGroupEnds = footer.rowGroupEnds();
        for (int i = 0; i < rowGroupEnds.length; i++) {
            if (row <= rowGroupEnds[i]) {
                return i + 1;
            }
        }
        return 0;
    }
}
