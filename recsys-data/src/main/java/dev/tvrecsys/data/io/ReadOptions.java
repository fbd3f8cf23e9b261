package dev.tvrecsys.data.io;

import dev.tvrecsys.data.EventLog;
import java.util.Objects;

/**
 * Options for the readers of this package.
 *
 * @param skipBadRows whether rows with a {@linkplain DataProblem#isRowProblem() row problem} are
 *     dropped and counted instead of raising {@link DataFormatException}; default false
 * @param assetType the asset type given to every event of an interaction log, which has no asset
 *     type column; default {@link EventLog#VOD}
 * @param delimiter the field delimiter of a {@link Format#DELIMITED} file, or 0 to detect it from
 *     the header line; default 0
 */
public record ReadOptions(boolean skipBadRows, String assetType, char delimiter) {

    private static final ReadOptions DEFAULTS = new ReadOptions(false, EventLog.VOD, '\0');

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the asset type is blank or the delimiter is not one of
     *     tab, comma, semicolon, vertical bar or 0
     */
    public ReadOptions {
        Objects.requireNonNull(assetType, "assetType");
        if (assetType.isBlank()) {
            throw new IllegalArgumentException("assetType must not be blank");
        }
        if ("\0\t,;|".indexOf(delimiter) < 0) {
            throw new IllegalArgumentException(
                    "delimiter must be tab, ',', ';', '|' or 0 to detect it, found '"
                            + delimiter
                            + "'");
        }
    }

    /** Returns the defaults: raise on bad rows, asset type VOD, detect the delimiter. */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a copy with {@link #skipBadRows()} set. */
    public ReadOptions withSkipBadRows(boolean skip) {
        return new ReadOptions(skip, assetType, delimiter);
    }

    /** Returns a copy with {@link #assetType()} set. */
    public ReadOptions withAssetType(String type) {
        return new ReadOptions(skipBadRows, type, delimiter);
    }

    /** Returns a copy with {@link #delimiter()} set. */
    public ReadOptions withDelimiter(char fieldDelimiter) {
        return new ReadOptions(skipBadRows, assetType, fieldDelimiter);
    }
}
