package dev.tvrecsys.data.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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
     * @throws DataFormatException if the content is invalid and cannot be skipped, the file is
     *     truncated, corrupt or of another format, a Parquet page codec cannot load its native
     *     library, or the file has no events
     */
    public static ReadResult read(Path path, Format format, ReadOptions options)
            throws IOException {
        ReadResult result;
        try {
            if (format == Format.PLAYBACK_PARQUET) {
                result = PlaybackParquetReader.read(path, options);
            } else {
                result = InteractionLogReader.read(path, format, options);
            }
        } catch (NoSuchFileException | AccessDeniedException | FileNotFoundException e) {
            throw e;
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Parquet reports a truncated or foreign file as a RuntimeException, and a corrupt
            // gzip stream surfaces as ZipException or EOFException. Both mean the bytes are bad,
            // and the cause is kept so that a stack trace shows where parsing failed.
            DataFormatException unreadable =
                    new DataFormatException(
                            DataProblem.UNREADABLE_FILE,
                            path.getFileName().toString(),
                            0,
                            0,
                            0,
                            null,
                            null,
                            "cannot be read as " + format + " (" + e + ")");
            unreadable.initCause(e);
            throw unreadable;
        }
        if (result.log().size() == 0) {
            throw new DataFormatException(
                    DataProblem.NO_EVENTS,
                    path.getFileName().toString(),
                    0,
                    0,
                    0,
                    null,
                    null,
                    "the file has no events ("
                            + result.report().rowsRead()
                            + " rows read, "
                            + result.report().skippedTotal()
                            + " skipped)");
        }
        return result;
    }
}
