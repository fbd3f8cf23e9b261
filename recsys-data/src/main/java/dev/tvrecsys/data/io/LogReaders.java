package dev.tvrecsys.data.io;

import java.io.IOException;
import java.nio.file.Path;

/** Entry point that reads any supported log format into an {@link dev.tvrecsys.data.EventLog}. */
public final class LogReaders {

    private LogReaders() {}

    /**
     * Reads a log, detecting its format with {@link Format#detect(Path)}, with default options.
     *
     * @param path the file
     * @return the events and the read report
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the content is invalid
     */
    public static ReadResult read(Path path) throws IOException {
        return read(path, Format.detect(path), ReadOptions.defaults());
    }

    /**
     * Reads a log in a given format.
     *
     * @param path the file
     * @param format the format, for example from {@link Format#detect(Path)}
     * @param options bad-row handling, and for text formats the asset type and delimiter
     * @return the events and the read report
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the content is invalid and cannot be skipped
     */
    public static ReadResult read(Path path, Format format, ReadOptions options)
            throws IOException {
        if (format == Format.PLAYBACK_PARQUET) {
            return PlaybackParquetReader.read(path, options);
        }
        return InteractionLogReader.read(path, format, options);
    }
}
